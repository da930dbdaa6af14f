import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors/app-error";
import { createThread } from "@/server/discussions/create-thread";
import { replyToPost } from "@/server/discussions/reply-to-post";
import { setPostVote } from "@/server/discussions/set-post-vote";
import { discussionErrorMessage } from "@/server/discussions/discussion-error-key";
import { findMember } from "@/server/membership/find-member";
import { sessionOptions } from "@/server/auth/session-options";
import { createWritableProduct, createWriter } from "@/test/fixtures/discussion-writers";
import { findActiveSanctions, findRestriction, findSuspensionInForce } from "./find-active-sanctions";
import { revokeSanction } from "./revoke-sanction";
import { silenceMember } from "./silence-member";
import { suspendMember } from "./suspend-member";
import { warnMember } from "./warn-member";

const requestId = "test-sanctions";
const DAY = 24 * 60 * 60 * 1000;

async function scene() {
  const [product, member, moderator, admin] = await Promise.all([createWritableProduct(), createWriter(), createWriter({ role: "MODERATOR" }), createWriter({ role: "ADMIN" })]);
  const thread = await createThread({ actorId: moderator.id, productSlug: product.slug, kind: "QUESTION", title: "How to clean the grinder?", body: "Mine is clogged.", language: "en" });
  return { product, member, moderator, admin, thread };
}

const refused = (reason: string) => (error: unknown) => isAppError(error, "FORBIDDEN") && error.details.reason === reason;

describe("silenceMember", () => {
  it("blocks posting, replying and voting until it ends, with the end and the reason in the message; audited and notified", async () => {
    const { member, moderator, thread } = await scene();
    const endsAt = new Date(Date.now() + 7 * DAY);
    await silenceMember({ actorId: moderator.id, memberId: member.id, reason: "Insults in three threads", endsAt, requestId });

    const attempt = replyToPost({ actorId: member.id, threadId: thread.threadId, body: "Let me in." });
    await expect(attempt).rejects.toSatisfy(refused("SILENCED"));
    const error = await attempt.catch((caught: unknown) => caught);
    expect(discussionErrorMessage(error, "test")).toEqual({ key: "write.errors.SILENCED", values: { until: endsAt, reason: "Insults in three threads" } });
    await expect(setPostVote({ actorId: member.id, postId: thread.postId, helpful: true })).rejects.toSatisfy(refused("SILENCED"));
    await expect(findMember(member.id)).rejects.toSatisfy(refused("SILENCED"));

    const [audit] = await db().auditLogEntry.findMany({ where: { actorId: moderator.id }, select: { action: true, targetType: true, targetId: true, reason: true, after: true } });
    expect(audit).toMatchObject({ action: "member.silence", targetType: "member", targetId: member.id, reason: "Insults in three threads", after: { kind: "SILENCE", endsAt: endsAt.toISOString() } });
    expect(await db().moderationNotice.findMany({ where: { userId: member.id }, select: { kind: true, reason: true } })).toEqual([{ kind: "SILENCED", reason: "Insults in three threads" }]);
    expect((await findActiveSanctions(member.id)).map((row) => row.kind)).toEqual(["SILENCE"]);
  });

  it("an indefinite silence says so; a revoked or ended one no longer blocks", async () => {
    const { member, moderator, thread } = await scene();
    const { sanctionId } = await silenceMember({ actorId: moderator.id, memberId: member.id, reason: "Spam links", endsAt: null, requestId });
    const error = await replyToPost({ actorId: member.id, threadId: thread.threadId, body: "Buy now." }).catch((caught: unknown) => caught);
    expect(discussionErrorMessage(error, "test")).toEqual({ key: "write.errors.SILENCED_INDEFINITELY", values: { reason: "Spam links" } });

    await revokeSanction({ actorId: moderator.id, sanctionId, reason: "Apologised", requestId });
    await replyToPost({ actorId: member.id, threadId: thread.threadId, body: "Sorry about that." });
    const revoked = await db().sanction.findUniqueOrThrow({ where: { id: sanctionId }, select: { revokedAt: true, revokedById: true, revokeReason: true } });
    expect(revoked).toMatchObject({ revokedById: moderator.id, revokeReason: "Apologised" });
    expect((await db().auditLogEntry.findMany({ where: { actorId: moderator.id }, orderBy: { id: "asc" }, select: { action: true } })).map((row) => row.action)).toEqual([
      "member.silence",
      "member.revokeSanction",
    ]);
    expect((await db().moderationNotice.findMany({ where: { userId: member.id }, orderBy: { id: "asc" }, select: { kind: true } })).map((row) => row.kind)).toEqual(["SILENCED", "SANCTION_REVOKED"]);

    // One that already ended.
    await db().sanction.create({ data: { userId: member.id, kind: "SILENCE", reason: "Old", startsAt: new Date(Date.now() - 2 * DAY), endsAt: new Date(Date.now() - DAY), createdById: moderator.id } });
    await replyToPost({ actorId: member.id, threadId: thread.threadId, body: "Still fine." });
  });
});

describe("suspendMember", () => {
  it("is found while in force (sign-in refused and sessions dropped through findRestriction / getCurrentUser's filter), with the reason", async () => {
    const { member, moderator } = await scene();
    const endsAt = new Date(Date.now() + DAY);
    const { sanctionId } = await suspendMember({ actorId: moderator.id, memberId: member.id, reason: "Threats", endsAt, requestId });
    expect(await findRestriction(member.id, "SUSPENSION")).toMatchObject({ id: sanctionId, reason: "Threats", endsAt });
    expect(await findSuspensionInForce(sanctionId)).toMatchObject({ reason: "Threats" });
    // getCurrentUser's where-clause: the user row is no longer found.
    const { restrictionInForce } = await import("./find-active-sanctions");
    const visible = () => db().user.findFirst({ where: { id: member.id, deletedAt: null, sanctions: { none: restrictionInForce("SUSPENSION", new Date()) } }, select: { id: true } });
    expect(await visible()).toBeNull();
    // next-auth's signIn callback: asking for a link is not refused (nothing revealed to others),
    // using it is, with a redirect to the sign-in page that shows the reason.
    const signIn = sessionOptions().callbacks!.signIn!;
    const user = { id: member.id, email: "x@example.test", emailVerified: null };
    expect(await signIn({ user, account: null, email: { verificationRequest: true } })).toBe(true);
    expect(await signIn({ user, account: null })).toMatch(new RegExp(`^https?://[^/]+/signin\\?error=Suspended&sanction=${sanctionId}$`));
    await revokeSanction({ actorId: moderator.id, sanctionId, reason: "Mistake", requestId });
    expect(await signIn({ user, account: null })).toBe(true);
    expect(await visible()).toEqual({ id: member.id });
    expect(await findRestriction(member.id, "SUSPENSION")).toBeNull();
    expect(await findSuspensionInForce(sanctionId)).toBeNull();
  });
});

describe("sanction refusals", () => {
  it("nobody sanctions themselves or an admin; members cannot sanction; a past end date is refused; nothing is written", async () => {
    const { member, moderator, admin } = await scene();
    const otherModerator = await createWriter({ role: "MODERATOR" });
    await expect(warnMember({ actorId: moderator.id, memberId: moderator.id, reason: "Self", requestId })).rejects.toSatisfy(refused("CANNOT_SANCTION_SELF"));
    await expect(suspendMember({ actorId: moderator.id, memberId: admin.id, reason: "Admin", endsAt: null, requestId })).rejects.toSatisfy(refused("CANNOT_SANCTION_ADMIN"));
    await expect(silenceMember({ actorId: admin.id, memberId: admin.id, reason: "Self", endsAt: null, requestId })).rejects.toSatisfy(refused("CANNOT_SANCTION_SELF"));
    await expect(warnMember({ actorId: member.id, memberId: otherModerator.id, reason: "Payback", requestId })).rejects.toSatisfy(refused("MISSING_PERMISSION"));
    await expect(silenceMember({ actorId: moderator.id, memberId: member.id, reason: "Late", endsAt: new Date(Date.now() - 1000), requestId })).rejects.toSatisfy((error) =>
      isAppError(error, "INVALID_INPUT"),
    );
    await expect(warnMember({ actorId: moderator.id, memberId: member.id, reason: " ", requestId })).rejects.toSatisfy((error) => isAppError(error, "INVALID_INPUT"));
    expect(await db().sanction.count({ where: { userId: { in: [member.id, moderator.id, admin.id, otherModerator.id] } } })).toBe(0);
    expect(await db().auditLogEntry.count({ where: { actorId: { in: [member.id, moderator.id, admin.id] } } })).toBe(0);

    // A moderator may warn another moderator; a warning never blocks anything.
    await warnMember({ actorId: moderator.id, memberId: otherModerator.id, reason: "Be kinder in replies", requestId });
    expect(await findActiveSanctions(otherModerator.id)).toMatchObject([{ kind: "WARNING", reason: "Be kinder in replies", endsAt: null }]);
    await findMember(otherModerator.id);
    // A member cannot lift a sanction on themselves through someone else's rights.
    const [warning] = await findActiveSanctions(otherModerator.id);
    await expect(revokeSanction({ actorId: otherModerator.id, sanctionId: warning!.id, reason: "Nope", requestId })).rejects.toSatisfy(refused("CANNOT_SANCTION_SELF"));
    await expect(revokeSanction({ actorId: member.id, sanctionId: warning!.id, reason: "Nope", requestId })).rejects.toSatisfy(refused("MISSING_PERMISSION"));
  });
});
