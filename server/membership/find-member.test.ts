import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { isAppError, type AppErrorCode } from "@/server/errors/app-error";
import { getConsentText } from "@/lib/consent/consent-texts";
import { findMember } from "./find-member";
import { joinCommunity } from "./join-community";
import { leaveCommunity } from "./leave-community";

const createUser = (displayName: string | null = null) =>
  db().user.create({ data: { email: `gate-${randomBytes(6).toString("hex")}@example.test`, displayName }, select: { id: true } });

const join = (userId: string) =>
  joinCommunity({
    userId,
    choices: { community: true, ownerBadge: false },
    textVersions: { community: getConsentText("COMMUNITY_MEMBERSHIP", "GRANTED", "en").version, ownerBadge: getConsentText("OWNER_BADGE", "GRANTED", "en").version },
    locale: "en",
    source: "JOIN_PAGE",
    channel: "WEB",
    requestId: randomUUID(),
  });

const refusedWith = (code: AppErrorCode) => (error: unknown) => isAppError(error, code);

afterAll(async () => {
  await db().$disconnect();
});

describe("findMember (the requireMember gate)", () => {
  it("refuses a signed-out visitor", async () => {
    await expect(findMember(null)).rejects.toSatisfy(refusedWith("SIGN_IN_REQUIRED"));
  });

  it("refuses a session whose account no longer exists", async () => {
    await expect(findMember(`missing-${randomUUID()}`)).rejects.toSatisfy(refusedWith("SIGN_IN_REQUIRED"));
  });

  it("refuses a signed-in customer who has not joined", async () => {
    const user = await createUser();
    await expect(findMember(user.id)).rejects.toSatisfy(refusedWith("MEMBERSHIP_REQUIRED"));
  });

  it("lets a member through", async () => {
    const user = await createUser("Chloé");
    await join(user.id);
    expect(await findMember(user.id)).toEqual({ id: user.id, displayName: "Chloé", locale: null, role: "MEMBER", showsOwnerBadge: false });
  });

  it("refuses a member at once after they leave", async () => {
    const user = await createUser();
    await join(user.id);
    await leaveCommunity({ userId: user.id, textVersions: {}, locale: "en", source: "ACCOUNT_PAGE", channel: "WEB", requestId: randomUUID() });
    await expect(findMember(user.id)).rejects.toSatisfy(refusedWith("MEMBERSHIP_REQUIRED"));
  });

  it("refuses a deleted account, even one whose membership flag was left on", async () => {
    const user = await createUser();
    await join(user.id);
    // Simulates a deletion that erased the person but (wrongly) kept the flag: the gate still refuses.
    await db().user.update({ where: { id: user.id }, data: { deletedAt: new Date() } });
    await expect(findMember(user.id)).rejects.toSatisfy(refusedWith("ACCOUNT_DELETED"));
  });
});
