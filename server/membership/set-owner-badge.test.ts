import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors/app-error";
import { getConsentText } from "@/lib/consent/consent-texts";
import { sha256Hex } from "@/lib/consent/sha256-hex";
import { joinCommunity } from "./join-community";
import { setOwnerBadge, type SetOwnerBadgeInput } from "./set-owner-badge";

const createUser = () =>
  db().user.create({ data: { email: `badge-${randomBytes(6).toString("hex")}@example.test` }, select: { id: true } });

async function createMember() {
  const user = await createUser();
  const textVersions = { community: getConsentText("COMMUNITY_MEMBERSHIP", "GRANTED", "en").version, ownerBadge: getConsentText("OWNER_BADGE", "GRANTED", "en").version };
  await joinCommunity({ userId: user.id, choices: { community: true, ownerBadge: false }, textVersions, locale: "en", source: "JOIN_PAGE", channel: "WEB", requestId: randomUUID() });
  return user;
}

const toggle = (userId: string, show: boolean, overrides: Partial<SetOwnerBadgeInput> = {}) =>
  setOwnerBadge({
    userId,
    show,
    textVersion: getConsentText("OWNER_BADGE", show ? "GRANTED" : "WITHDRAWN", "en").version,
    locale: "en",
    source: "ACCOUNT_PAGE",
    channel: "WEB",
    requestId: randomUUID(),
    ...overrides,
  });

const badgeRows = (userId: string) =>
  db().consentEvent.findMany({ where: { subjectId: userId, purpose: "OWNER_BADGE" }, orderBy: { id: "asc" }, select: { action: true, textSha256: true, source: true } });

afterAll(async () => {
  await db().$disconnect();
});

describe("setOwnerBadge", () => {
  it("each change is one grant or withdrawal row with the text shown for that action", async () => {
    const member = await createMember();
    expect(await toggle(member.id, true)).toBe(true);
    expect(await toggle(member.id, true)).toBe(false);
    expect(await toggle(member.id, false, { source: "JOIN_PAGE" })).toBe(true);
    expect(await toggle(member.id, false)).toBe(false);

    expect(await badgeRows(member.id)).toEqual([
      { action: "GRANTED", textSha256: sha256Hex(getConsentText("OWNER_BADGE", "GRANTED", "en").body), source: "ACCOUNT_PAGE" },
      { action: "WITHDRAWN", textSha256: sha256Hex(getConsentText("OWNER_BADGE", "WITHDRAWN", "en").body), source: "JOIN_PAGE" },
    ]);
    expect((await db().user.findUniqueOrThrow({ where: { id: member.id }, select: { showsOwnerBadge: true } })).showsOwnerBadge).toBe(false);
  });

  it("refuses to turn the badge on for someone who is not a member", async () => {
    const user = await createUser();
    await expect(toggle(user.id, true)).rejects.toSatisfy((error) => isAppError(error, "MEMBERSHIP_REQUIRED"));
    expect(await badgeRows(user.id)).toEqual([]);
  });

  it("refuses an outdated text and keeps the badge as it was", async () => {
    const member = await createMember();
    await expect(toggle(member.id, true, { textVersion: 99 })).rejects.toSatisfy((error) => isAppError(error, "CONSENT_TEXT_OUTDATED"));
    expect((await db().user.findUniqueOrThrow({ where: { id: member.id }, select: { showsOwnerBadge: true } })).showsOwnerBadge).toBe(false);
    expect(await badgeRows(member.id)).toEqual([]);
  });
});
