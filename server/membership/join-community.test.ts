import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors/app-error";
import { getConsentText } from "@/lib/consent/consent-texts";
import { sha256Hex } from "@/lib/consent/sha256-hex";
import type { AppLocale } from "@/lib/i18n/locales";
import { joinCommunity, type JoinCommunityInput } from "./join-community";

const createUser = () =>
  db().user.create({ data: { email: `join-${randomBytes(6).toString("hex")}@example.test` }, select: { id: true } });

const currentVersions = { community: getConsentText("COMMUNITY_MEMBERSHIP", "GRANTED", "en").version, ownerBadge: getConsentText("OWNER_BADGE", "GRANTED", "en").version };

const input = (userId: string, overrides: Partial<JoinCommunityInput> = {}): JoinCommunityInput => ({
  userId,
  choices: { community: true, ownerBadge: false },
  textVersions: currentVersions,
  locale: "en",
  source: "JOIN_PAGE",
  channel: "WEB",
  requestId: randomUUID(),
  ...overrides,
});

const ledgerOf = (userId: string) =>
  db().consentEvent.findMany({
    where: { subjectId: userId },
    orderBy: { id: "asc" },
    select: { purpose: true, action: true, textVersion: true, textSha256: true, locale: true, source: true, channel: true, requestId: true, scope: true },
  });

const stateOf = (userId: string) =>
  db().user.findUniqueOrThrow({ where: { id: userId }, select: { isMember: true, memberSince: true, showsOwnerBadge: true } });

const expectedRow = (purpose: "COMMUNITY_MEMBERSHIP" | "OWNER_BADGE", locale: AppLocale, rest: { source: string; requestId: string }) => {
  const text = getConsentText(purpose, "GRANTED", locale);
  return { purpose, action: "GRANTED", textVersion: text.version, textSha256: sha256Hex(text.body), locale, channel: "WEB", scope: null, ...rest };
};

afterAll(async () => {
  await db().$disconnect();
});

describe("joinCommunity", () => {
  it("joining with the badge writes exactly two GRANTED rows with the French texts' hashes, and sets both states", async () => {
    const user = await createUser();
    const requestId = randomUUID();
    const before = Date.now();
    const granted = await joinCommunity(input(user.id, { choices: { community: true, ownerBadge: true }, locale: "fr", requestId }));

    expect(granted).toEqual(["COMMUNITY_MEMBERSHIP", "OWNER_BADGE"]);
    expect(await ledgerOf(user.id)).toEqual([
      expectedRow("COMMUNITY_MEMBERSHIP", "fr", { source: "JOIN_PAGE", requestId }),
      expectedRow("OWNER_BADGE", "fr", { source: "JOIN_PAGE", requestId }),
    ]);
    const state = await stateOf(user.id);
    expect(state).toMatchObject({ isMember: true, showsOwnerBadge: true });
    expect(state.memberSince!.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("joining without the badge grants membership only; the invitation page is recorded as the source", async () => {
    const user = await createUser();
    const requestId = randomUUID();
    await joinCommunity(input(user.id, { source: "INVITATION_PAGE", requestId }));
    expect(await ledgerOf(user.id)).toEqual([expectedRow("COMMUNITY_MEMBERSHIP", "en", { source: "INVITATION_PAGE", requestId })]);
    expect(await stateOf(user.id)).toMatchObject({ isMember: true, showsOwnerBadge: false });
  });

  it("joining answers the person's open invitations", async () => {
    const user = await createUser();
    const invitationId = randomBytes(16).toString("hex");
    await db().invitation.create({ data: { id: invitationId, userId: user.id } });
    await joinCommunity(input(user.id, { source: "INVITATION_PAGE" }));
    const invitation = await db().invitation.findUniqueOrThrow({ where: { id: invitationId }, select: { respondedAt: true } });
    expect(invitation.respondedAt).toBeInstanceOf(Date);
  });

  it("nothing ticked is a decline: no row, no state, the invitation stays unanswered", async () => {
    const user = await createUser();
    const invitationId = randomBytes(16).toString("hex");
    await db().invitation.create({ data: { id: invitationId, userId: user.id } });
    expect(await joinCommunity(input(user.id, { choices: { community: false, ownerBadge: false } }))).toEqual([]);
    expect(await ledgerOf(user.id)).toEqual([]);
    expect(await stateOf(user.id)).toEqual({ isMember: false, memberSince: null, showsOwnerBadge: false });
    expect((await db().invitation.findUniqueOrThrow({ where: { id: invitationId }, select: { respondedAt: true } })).respondedAt).toBeNull();
  });

  it("refuses the badge without membership for someone who is not a member", async () => {
    const user = await createUser();
    await expect(joinCommunity(input(user.id, { choices: { community: false, ownerBadge: true } }))).rejects.toSatisfy((error) => isAppError(error, "INVALID_INPUT"));
    expect(await ledgerOf(user.id)).toEqual([]);
    expect(await stateOf(user.id)).toMatchObject({ isMember: false, showsOwnerBadge: false });
  });

  it("does not record a second grant for a choice already in effect (double submit)", async () => {
    const user = await createUser();
    await Promise.all([joinCommunity(input(user.id)), joinCommunity(input(user.id))]);
    await joinCommunity(input(user.id, { choices: { community: true, ownerBadge: true } }));
    expect((await ledgerOf(user.id)).map((row) => row.purpose)).toEqual(["COMMUNITY_MEMBERSHIP", "OWNER_BADGE"]);
  });

  it("rolls the state back when the ledger row cannot be written (outdated text)", async () => {
    const user = await createUser();
    const stale = { community: currentVersions.community, ownerBadge: currentVersions.ownerBadge + 1 };
    const attempt = joinCommunity(input(user.id, { choices: { community: true, ownerBadge: true }, textVersions: stale }));
    await expect(attempt).rejects.toSatisfy((error) => isAppError(error, "CONSENT_TEXT_OUTDATED"));
    // Membership was set and its row written before the badge failed: both are gone.
    expect(await stateOf(user.id)).toEqual({ isMember: false, memberSince: null, showsOwnerBadge: false });
    expect(await ledgerOf(user.id)).toEqual([]);
  });

  it("refuses a deleted account", async () => {
    const user = await createUser();
    await db().user.update({ where: { id: user.id }, data: { deletedAt: new Date() } });
    await expect(joinCommunity(input(user.id))).rejects.toSatisfy((error) => isAppError(error, "ACCOUNT_DELETED"));
    expect(await ledgerOf(user.id)).toEqual([]);
  });
});
