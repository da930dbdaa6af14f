import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { signToken } from "@/server/tokens/sign-token";
import type { TokenSigningKey } from "@/server/tokens/token-signing-keys-schema";
import { createTestMember } from "@/test/fixtures/discussion-threads";
import { signPreferenceToken } from "./sign-preference-token";
import { verifyPreferenceToken } from "./verify-preference-token";

afterAll(async () => {
  await db().$disconnect();
});

const oldKey: TokenSigningKey = { kid: "old", secret: "old-preference-secret-old-preference-secret" };
const newKey: TokenSigningKey = { kid: "new", secret: "new-preference-secret-new-preference-secret" };

describe("preference link tokens", () => {
  it("carry only the user id and verify to the member, with the address masked", async () => {
    const member = await createTestMember();
    const email = `alice-${member.id}@example.test`;
    await db().user.update({ where: { id: member.id }, data: { email } });
    const token = signPreferenceToken(member.id, [newKey]);
    expect(Buffer.from(token.split(".")[1]!, "base64url").toString()).toBe(member.id);
    expect(token).not.toContain("alice");
    const recipient = await verifyPreferenceToken(token, [newKey]);
    expect(recipient?.userId).toBe(member.id);
    expect(recipient?.maskedEmail).toMatch(/^a•••.@e•••\.test$/);
    expect(recipient?.maskedEmail).not.toContain(member.id);
  });

  it("still verify after the key rotated, as long as the old key is listed", async () => {
    const member = await createTestMember();
    const token = signPreferenceToken(member.id, [oldKey]);
    expect((await verifyPreferenceToken(token, [newKey, oldKey]))?.userId).toBe(member.id);
    expect(await verifyPreferenceToken(token, [newKey])).toBeNull();
  });

  it("refuse forged, truncated, other-kind, other-key and unknown-user tokens with the same null", async () => {
    const member = await createTestMember();
    const token = signPreferenceToken(member.id, [newKey]);
    const [kid, payload, mac] = token.split(".") as [string, string, string];
    const otherMember = await createTestMember();
    const forged = [
      `${kid}.${Buffer.from(otherMember.id).toString("base64url")}.${mac}`,
      token.slice(0, -1),
      token.slice(0, token.length / 2),
      `${kid}.${payload}`,
      `${kid}.${payload}.${mac.slice(0, -2)}AA`,
      signToken("invitation", member.id, [newKey]),
      signToken("unsubscribe", member.id, [newKey]),
      signPreferenceToken(member.id, [{ kid: "new", secret: "someone-elses-secret-someone-elses-secret" }]),
      signPreferenceToken("no-such-user", [newKey]),
      "",
      "x".repeat(5000),
    ];
    for (const candidate of forged) expect(await verifyPreferenceToken(candidate, [newKey])).toBeNull();
    expect(await verifyPreferenceToken(undefined, [newKey])).toBeNull();
  });

  it("stop working once the account is deleted", async () => {
    const member = await createTestMember({ deleted: true });
    expect(await verifyPreferenceToken(signPreferenceToken(member.id, [newKey]), [newKey])).toBeNull();
  });
});
