/**
 * The authorization matrix for every moderation server function, called directly (as the pages,
 * actions and routes do, with the signed-in person's id or null): hiding a link is never what
 * protects the dashboard.
 *
 * Rows: one per server function. Columns: signed out, the member the action is about, another
 * member, a moderator, an admin. By default a row expects what its permission says
 * (lib/moderation/permissions.ts): SIGN_IN_REQUIRED signed out, FORBIDDEN for members, allowed
 * for the roles that hold it. `expected` overrides single cells.
 * To add a function: one entry in ROWS (its permission and how to call it on the scene).
 */
import { describe, expect, it } from "vitest";
import { hasPermission, type Permission } from "@/lib/moderation/permissions";
import { db } from "@/server/db/client";
import { isAppError, type AppErrorCode } from "@/server/errors/app-error";
import { uniqueToken } from "@/test/fixtures/catalog";
import { createWritableProduct, createWriter } from "@/test/fixtures/discussion-writers";
import { createTestReply, createTestThread } from "@/test/fixtures/discussion-threads";
import { claimReviewItem } from "./claim-review-item";
import { flagPost } from "./flag-post";
import { listReviewQueue } from "./list-review-queue";
import { listReviewQueueProducts } from "./list-review-queue-products";
import { openReviewItem } from "./open-review-item";
import { resolveReviewItems } from "./resolve-review-items";
import { exportAuditEntries } from "./export-audit-entries";
import { getModerationOverview } from "./get-moderation-overview";
import { getMemberModerationView } from "./get-member-moderation-view";
import { listMembers } from "./list-members";
import { lockThread } from "./lock-thread";
import { mergeThread } from "./merge-thread";
import { moveThread } from "./move-thread";
import { pinThread } from "./pin-thread";
import { revokeSanction } from "./revoke-sanction";
import { silenceMember } from "./silence-member";
import { suspendMember } from "./suspend-member";
import { warnMember } from "./warn-member";
import { listAuditEntries } from "./list-audit-entries";
import { exportConsentLedger } from "./export-consent-ledger";
import { searchConsentLedger } from "./search-consent-ledger";
import { listModerators } from "./list-moderators";
import { setMemberRole } from "./set-member-role";
import { getCommunityHealth } from "./get-community-health";

type Viewer = "signedOut" | "member" | "otherMember" | "moderator" | "admin";
type Expected = "allowed" | AppErrorCode;
const VIEWERS: readonly Viewer[] = ["signedOut", "member", "otherMember", "moderator", "admin"];

/**
 * Fresh for every cell: `member` wrote a question (thread, opening post) that `otherMember`
 * answered (reply). Moderation functions act on `member` (or their posts) unless a row says otherwise.
 */
async function scene() {
  const [product, member, otherMember, moderator, admin] = await Promise.all([
    createWritableProduct(),
    createWriter(),
    createWriter(),
    createWriter({ role: "MODERATOR" }),
    createWriter({ role: "ADMIN" }),
  ]);
  const thread = await createTestThread({ productId: product.id, authorId: member.id });
  const reply = await createTestReply(thread.id, otherMember.id, null);
  const people = { member, otherMember, moderator, admin };
  const actors: Record<Viewer, string | null> = { signedOut: null, member: member.id, otherMember: otherMember.id, moderator: moderator.id, admin: admin.id };
  const emails = await db().user.findMany({ where: { id: { in: Object.values(people).map((p) => p.id) } }, select: { id: true, email: true } });
  const emailOf = (id: string) => emails.find((row) => row.id === id)!.email;
  return { product, thread, openingPostId: thread.posts[0]!.id, reply, people, actors, emailOf, token: uniqueToken() };
}
export type ModerationScene = Awaited<ReturnType<typeof scene>>;

type Row = {
  /** The server function's name. */
  name: string;
  permission: Permission;
  run: (scene: ModerationScene, actorId: string | null) => Promise<unknown>;
  /** Cells that differ from what `permission` implies. */
  expected?: Partial<Record<Viewer, Expected>>;
};

/** An OPEN review item on the other member's reply (flag-like), for the queue rows. */
const openItemOnReply = (s: ModerationScene) => openReviewItem(db() as never, s.reply.id, "FLAGGED");

const ROWS: Row[] = [
  // A member's action, not a permission: anyone signed in and a member may flag someone else's post (`member` wrote it).
  {
    name: "flagPost",
    permission: "moderation.access",
    run: (s, actorId) => flagPost({ actorId, postId: s.openingPostId, reason: "SPAM" }),
    expected: { member: "FORBIDDEN", otherMember: "allowed", moderator: "allowed", admin: "allowed" },
  },
  { name: "listReviewQueue", permission: "queue.review", run: (_, actorId) => listReviewQueue(actorId, {}) },
  { name: "listReviewQueueProducts", permission: "queue.review", run: (_, actorId) => listReviewQueueProducts(actorId) },
  { name: "claimReviewItem", permission: "queue.review", run: async (s, actorId) => claimReviewItem({ actorId, reviewItemId: await openItemOnReply(s), claim: true, requestId: s.token }) },
  {
    name: "resolveReviewItems(approve)",
    permission: "post.approve",
    run: async (s, actorId) => resolveReviewItems({ actorId, ids: [await openItemOnReply(s)], decision: "approve", requestId: s.token }),
  },
  {
    name: "resolveReviewItems(hide)",
    permission: "post.hide",
    run: async (s, actorId) => resolveReviewItems({ actorId, ids: [await openItemOnReply(s)], decision: "hide", reason: "Spam link", requestId: s.token }),
  },
  {
    name: "resolveReviewItems(delete)",
    permission: "post.delete",
    run: async (s, actorId) => resolveReviewItems({ actorId, ids: [await openItemOnReply(s)], decision: "delete", reason: "Abusive", requestId: s.token }),
  },
  {
    name: "resolveReviewItems(edit)",
    permission: "post.edit",
    run: async (s, actorId) => resolveReviewItems({ actorId, ids: [await openItemOnReply(s)], decision: "edit", reason: "Removed a link", body: "Edited text", requestId: s.token }),
  },
  { name: "getModerationOverview", permission: "moderation.access", run: (_, actorId) => getModerationOverview(actorId) },
  // Thread actions (M3): on `member`'s question.
  { name: "lockThread", permission: "thread.lock", run: (s, actorId) => lockThread({ actorId, threadId: s.thread.id, locked: true, reason: "Heated", requestId: s.token }) },
  { name: "pinThread", permission: "thread.pin", run: (s, actorId) => pinThread({ actorId, threadId: s.thread.id, pinned: true, reason: "Useful", requestId: s.token }) },
  {
    name: "moveThread",
    permission: "thread.move",
    run: async (s, actorId) => moveThread({ actorId, threadId: s.thread.id, productSlug: (await createWritableProduct()).slug, reason: "Wrong product", requestId: s.token }),
  },
  {
    name: "mergeThread",
    permission: "thread.merge",
    run: async (s, actorId) =>
      mergeThread({ actorId, sourceThreadId: s.thread.id, targetThreadId: (await createTestThread({ productId: s.product.id, authorId: s.people.otherMember.id })).id, reason: "Duplicate", requestId: s.token }),
  },
  // Sanctions (M3): on `member` (so `member` would be sanctioning themselves: refused by permission first).
  { name: "warnMember", permission: "member.warn", run: (s, actorId) => warnMember({ actorId, memberId: s.people.member.id, reason: "Be kind", requestId: s.token }) },
  { name: "silenceMember", permission: "member.silence", run: (s, actorId) => silenceMember({ actorId, memberId: s.people.member.id, reason: "Insults", endsAt: null, requestId: s.token }) },
  { name: "suspendMember", permission: "member.suspend", run: (s, actorId) => suspendMember({ actorId, memberId: s.people.member.id, reason: "Threats", endsAt: null, requestId: s.token }) },
  {
    name: "revokeSanction",
    permission: "member.silence",
    run: async (s, actorId) => {
      const sanction = await db().sanction.create({ data: { userId: s.people.member.id, kind: "SILENCE", reason: "Insults", createdById: s.people.admin.id }, select: { id: true } });
      return revokeSanction({ actorId, sanctionId: sanction.id, reason: "Apologised", requestId: s.token });
    },
    // `member` is refused for lacking the permission, not (first) for lifting their own sanction.
  },
  { name: "listMembers", permission: "member.view", run: (s, actorId) => listMembers({ actorId, query: s.token, page: 1 }) },
  { name: "getMemberModerationView", permission: "member.view", run: (s, actorId) => getMemberModerationView({ actorId, memberId: s.people.member.id, postsPage: 1 }) },
  { name: "listAuditEntries", permission: "audit.view", run: (_, actorId) => listAuditEntries(actorId, {}) },
  { name: "exportAuditEntries", permission: "audit.view", run: async (s, actorId) => (await exportAuditEntries(actorId, { targetId: s.token }, s.token)).next() },
  { name: "searchConsentLedger", permission: "ledger.view", run: (s, actorId) => searchConsentLedger(actorId, { member: s.people.member.id }, { requestId: s.token }) },
  { name: "exportConsentLedger", permission: "ledger.view", run: async (s, actorId) => (await exportConsentLedger(actorId, { member: s.people.member.id }, s.token)).next() },
  { name: "listModerators", permission: "moderators.manage", run: (_, actorId) => listModerators(actorId) },
  { name: "setMemberRole", permission: "moderators.manage", run: (s, actorId) => setMemberRole({ actorId, target: { memberId: s.people.otherMember.id }, role: "MODERATOR", requestId: s.token }) },
  { name: "getCommunityHealth", permission: "health.view", run: (_, actorId) => getCommunityHealth(actorId, { weeks: 4 }) },
];

function expectedFor(row: Row, viewer: Viewer): Expected {
  const override = row.expected?.[viewer];
  if (override) return override;
  if (viewer === "signedOut") return "SIGN_IN_REQUIRED";
  const role = viewer === "moderator" ? "MODERATOR" : viewer === "admin" ? "ADMIN" : "MEMBER";
  return hasPermission(role, row.permission) ? "allowed" : "FORBIDDEN";
}

describe("moderation functions: authorization matrix", () => {
  const cells = ROWS.flatMap((row) => VIEWERS.map((viewer) => ({ name: row.name, viewer, expected: expectedFor(row, viewer), row })));

  it.each(cells)("$name × $viewer → $expected", async ({ viewer, expected, row }) => {
    const current = await scene();
    const auditBefore = await db().auditLogEntry.count({ where: { actorId: { in: Object.values(current.people).map((p) => p.id) } } });
    const outcome = await row.run(current, current.actors[viewer]).then(
      () => "allowed" as const,
      (error: unknown) => (isAppError(error) ? error.code : error),
    );
    expect(outcome).toBe(expected);
    // A refused call leaves no trace in the audit log (nothing happened).
    if (expected !== "allowed") {
      expect(await db().auditLogEntry.count({ where: { actorId: { in: Object.values(current.people).map((p) => p.id) } } })).toBe(auditBefore);
    }
  });

  it("lists each server function once", () => {
    expect(new Set(ROWS.map((row) => row.name)).size).toBe(ROWS.length);
  });
});
