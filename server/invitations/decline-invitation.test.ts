import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { signToken } from "@/server/tokens/sign-token";
import { createTestCategory, createTestProduct } from "@/test/fixtures/catalog";
import { declineInvitation } from "./decline-invitation";
import { findInvitation } from "./find-invitation";
import { INVITATION_TOKEN_KIND } from "./invitation-token-kind";

const unique = () => randomBytes(5).toString("hex");

async function createInvitedCustomer(user: { isMember?: boolean; invitationsDeclined?: boolean; deletedAt?: Date } = {}) {
  const customer = await db().user.create({ data: { email: `invited-${unique()}@example.test`, ...user }, select: { id: true } });
  const invitationId = randomBytes(16).toString("base64url");
  const orderId = `ORD-${unique()}`;
  await db().invitation.create({ data: { id: invitationId, userId: customer.id, orderId }, select: { id: true } });
  return { userId: customer.id, invitationId, orderId, token: signToken(INVITATION_TOKEN_KIND, invitationId) };
}

async function stateOf(userId: string, invitationId: string) {
  const [user, invitation, consentRows] = await Promise.all([
    db().user.findUniqueOrThrow({ where: { id: userId }, select: { isMember: true, showsOwnerBadge: true, invitationsDeclined: true } }),
    db().invitation.findUniqueOrThrow({ where: { id: invitationId }, select: { respondedAt: true } }),
    db().consentEvent.count({ where: { subjectId: userId } }),
  ]);
  return { ...user, respondedAt: invitation.respondedAt, consentRows };
}

afterAll(async () => {
  await db().$disconnect();
});

describe("declineInvitation", () => {
  it("records nothing at all when the box is left unticked", async () => {
    const { userId, invitationId, token } = await createInvitedCustomer();
    const before = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { updatedAt: true } });
    expect(await declineInvitation(token, false)).toEqual({ remembered: false });
    expect(await stateOf(userId, invitationId)).toEqual({ isMember: false, showsOwnerBadge: false, invitationsDeclined: false, respondedAt: null, consentRows: 0 });
    expect(await db().user.findUniqueOrThrow({ where: { id: userId }, select: { updatedAt: true } })).toEqual(before);
  });

  it("remembers only 'don't invite me again' when ticked, and answers the invitation; no consent row", async () => {
    const { userId, invitationId, token } = await createInvitedCustomer();
    expect(await declineInvitation(token, true)).toEqual({ remembered: true });
    const state = await stateOf(userId, invitationId);
    expect(state).toMatchObject({ isMember: false, showsOwnerBadge: false, invitationsDeclined: true, consentRows: 0 });
    expect(state.respondedAt).toBeInstanceOf(Date);

    // Saying it twice keeps the first answer's time.
    expect(await declineInvitation(token, true)).toEqual({ remembered: true });
    expect((await stateOf(userId, invitationId)).respondedAt).toEqual(state.respondedAt);
  });

  it("gives the same null for a forged, other-kind or unknown token and a deleted account, changing nothing", async () => {
    const { userId, invitationId, token } = await createInvitedCustomer();
    const deleted = await createInvitedCustomer({ deletedAt: new Date() });
    for (const bad of [
      `${token}x`,
      signToken("unsubscribe", invitationId),
      signToken(INVITATION_TOKEN_KIND, randomBytes(16).toString("base64url")),
      deleted.token,
      "",
    ]) {
      expect(await declineInvitation(bad, true)).toBeNull();
    }
    expect(await stateOf(userId, invitationId)).toMatchObject({ invitationsDeclined: false, respondedAt: null });
    expect(await stateOf(deleted.userId, deleted.invitationId)).toMatchObject({ invitationsDeclined: false, respondedAt: null });
  });
});

describe("findInvitation", () => {
  it("shows the order's products and no personal data", async () => {
    const { userId, orderId, token } = await createInvitedCustomer();
    const category = await createTestCategory();
    const [b, a] = await Promise.all([createTestProduct(category.id, `B product ${unique()}`), createTestProduct(category.id, `A product ${unique()}`)]);
    const otherOrder = await createTestProduct(category.id, `Other order ${unique()}`);
    await db().purchase.createMany({
      data: [
        { orderId, userId, productId: b.id, quantity: 1, purchasedAt: new Date() },
        { orderId, userId, productId: a.id, quantity: 2, purchasedAt: new Date() },
        { orderId: `ORD-${unique()}`, userId, productId: otherOrder.id, quantity: 1, purchasedAt: new Date() },
      ],
    });
    expect(await findInvitation(token)).toEqual({
      isMember: false,
      invitationsDeclined: false,
      products: [
        { name: a.name, slug: a.slug },
        { name: b.name, slug: b.slug },
      ],
    });
  });

  it("tells members and people who declined apart, and refuses dead links", async () => {
    const member = await createInvitedCustomer({ isMember: true });
    const declined = await createInvitedCustomer({ invitationsDeclined: true });
    const deleted = await createInvitedCustomer({ deletedAt: new Date() });
    expect(await findInvitation(member.token)).toMatchObject({ isMember: true, products: [] });
    expect(await findInvitation(declined.token)).toMatchObject({ isMember: false, invitationsDeclined: true });
    expect(await findInvitation(deleted.token)).toBeNull();
    expect(await findInvitation(member.token.slice(0, -2))).toBeNull();
    expect(await findInvitation(signToken(INVITATION_TOKEN_KIND, "no-such-invitation"))).toBeNull();
  });
});
