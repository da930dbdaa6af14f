import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { getConsentText } from "@/lib/consent/consent-texts";
import { joinCommunity } from "@/server/membership/join-community";
import { leaveCommunity } from "@/server/membership/leave-community";
import { getMemberProfile } from "./get-member-profile";
import { listMemberPosts } from "./list-member-posts";

const unique = () => randomBytes(5).toString("hex");

const consentVersions = {
  community: getConsentText("COMMUNITY_MEMBERSHIP", "GRANTED", "en").version,
  ownerBadge: getConsentText("OWNER_BADGE", "GRANTED", "en").version,
};

async function createPerson(displayName: string | null, { member }: { member: boolean }) {
  const { id } = await db().user.create({ data: { email: `profile-${unique()}@example.test`, displayName }, select: { id: true } });
  if (member) {
    await joinCommunity({ userId: id, choices: { community: true, ownerBadge: false }, textVersions: consentVersions, locale: "en", source: "JOIN_PAGE", channel: "WEB", requestId: randomUUID() });
  }
  return id;
}

let productId = "";

async function createThread(authorId: string, title: string, { createdAt, deleted = false }: { createdAt: Date; deleted?: boolean }) {
  const thread = await db().thread.create({
    data: { productId, authorId, kind: "QUESTION", title, slug: `t-${unique()}`, language: "en", deletedAt: deleted ? createdAt : null, createdAt },
    select: { id: true, slug: true },
  });
  const opening = await db().post.create({
    data: { threadId: thread.id, authorId, isOpening: true, depth: 0, bodyMarkdown: "Body", bodyHtml: "<p>Body</p>", language: "en", createdAt },
    select: { id: true },
  });
  return { ...thread, openingId: opening.id };
}

async function createReply(threadId: string, authorId: string, { createdAt, deleted = false }: { createdAt: Date; deleted?: boolean }) {
  const reply = await db().post.create({
    data: { threadId, authorId, depth: 1, bodyMarkdown: "Reply", bodyHtml: "<p>Reply</p>", language: "en", createdAt, deletedAt: deleted ? createdAt : null },
    select: { id: true },
  });
  await db().post.update({ where: { id: reply.id }, data: { rootReplyId: reply.id } });
  return reply.id;
}

beforeAll(async () => {
  const category = await db().category.create({ data: { slug: `cat-${unique()}`, name: `Category ${unique()}` }, select: { id: true } });
  const product = await db().product.create({ data: { sku: `SKU-${unique()}`, slug: `kettle-${unique()}`, name: "Kettle K2", categoryId: category.id }, select: { id: true } });
  productId = product.id;
});

afterAll(async () => {
  await db().$disconnect();
});

describe("getMemberProfile", () => {
  it("shows a member with their display name and membership date", async () => {
    const id = await createPerson("Chloé", { member: true });
    const profile = await getMemberProfile(id);
    expect(profile).toMatchObject({ id, displayName: "Chloé", postCount: 0 });
    expect(profile?.memberSince).toBeInstanceOf(Date);
  });

  it("is null for an unknown id and for a customer who never joined or posted", async () => {
    expect(await getMemberProfile(`missing-${unique()}`)).toBeNull();
    expect(await getMemberProfile(await createPerson("Shopper", { member: false }))).toBeNull();
  });

  it("is null for a deleted account, even with posts", async () => {
    const id = await createPerson("Soon gone", { member: true });
    await createThread(id, "A question before leaving", { createdAt: new Date() });
    await db().user.update({ where: { id }, data: { deletedAt: new Date(), displayName: null } });
    expect(await getMemberProfile(id)).toBeNull();
  });

  it("still shows someone who left but whose posts remain, without a membership date", async () => {
    const id = await createPerson("Former", { member: true });
    await createThread(id, "Still useful question", { createdAt: new Date() });
    await leaveCommunity({ userId: id, textVersions: { COMMUNITY_MEMBERSHIP: getConsentText("COMMUNITY_MEMBERSHIP", "WITHDRAWN", "en").version }, locale: "en", source: "ACCOUNT_PAGE", channel: "WEB", requestId: randomUUID() });
    expect(await getMemberProfile(id)).toEqual({ id, displayName: "Former", memberSince: null, postCount: 1 });
  });
});

describe("listMemberPosts", () => {
  it("lists visible posts newest first, paginated, without deleted posts or deleted threads", async () => {
    const author = await createPerson("Writer", { member: true });
    const other = await createPerson("Other", { member: true });
    const base = Date.now() - 60_000;
    const at = (offset: number) => new Date(base + offset * 1000);
    const asked = await createThread(author, "How do I descale the kettle?", { createdAt: at(0) });
    const othersThread = await createThread(other, "Which filter fits?", { createdAt: at(1) });
    const reply = await createReply(othersThread.id, author, { createdAt: at(2) });
    await createReply(othersThread.id, author, { createdAt: at(3), deleted: true });
    await createThread(author, "Deleted thread", { createdAt: at(4), deleted: true });
    const latest = await createReply(asked.id, author, { createdAt: at(5) });

    expect((await getMemberProfile(author))?.postCount).toBe(3);
    const first = await listMemberPosts({ userId: author, page: 1, pageSize: 2 });
    expect(first.total).toBe(3);
    expect(first.pageCount).toBe(2);
    expect(first.items.map((item) => item.postId)).toEqual([latest, reply]);
    expect(first.items[1]).toMatchObject({
      isOpening: false,
      thread: { id: othersThread.id, slug: othersThread.slug, title: "Which filter fits?", kind: "QUESTION", productName: "Kettle K2" },
    });

    const second = await listMemberPosts({ userId: author, page: 2, pageSize: 2 });
    expect(second.items.map((item) => ({ postId: item.postId, isOpening: item.isOpening }))).toEqual([{ postId: asked.openingId, isOpening: true }]);
  });
});
