import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpSink, type SmtpSink } from "@/test/smtp-sink";
import { createTestCategory, createTestProduct, uniqueToken } from "@/test/fixtures/catalog";
import { POST as postPurchase } from "@/app/api/webhooks/purchases/route";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { signShopPayload } from "@/server/webhooks/verify-shop-signature";
import { getConsentText } from "@/lib/consent/consent-texts";
import { sha256Hex } from "@/lib/consent/sha256-hex";
import { isAppError } from "@/server/errors/app-error";
import { sendSignInLink } from "@/server/auth/send-sign-in-link";
import { hashEmailAddress } from "@/server/mail/hash-email-address";
import { recordConsentEvent } from "@/server/membership/record-consent-event";
import { deleteMyAccount } from "./delete-my-account";
import { exportMyData } from "./export-my-data";

let sink: SmtpSink;
const saved = { ...process.env };

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  process.env.APP_URL = "https://community.shop.test";
});

afterAll(async () => {
  process.env = saved;
  await sink.stop();
});

const currentWithdrawalVersions = {
  COMMUNITY_MEMBERSHIP: getConsentText("COMMUNITY_MEMBERSHIP", "WITHDRAWN", "en").version,
  OWNER_BADGE: getConsentText("OWNER_BADGE", "WITHDRAWN", "en").version,
};

/** A customer with a bit of everything Entraide can hold about a person. */
async function createCustomerWithHistory({ member }: { member: boolean }) {
  const token = uniqueToken();
  const email = `customer-${token}@example.test`;
  const category = await createTestCategory();
  const product = await createTestProduct(category.id, `Drill ${token}`);
  const user = await db().user.create({
    data: {
      email,
      emailVerified: new Date(),
      displayName: `Zoé ${token}`,
      name: `Zoé Martin ${token}`,
      image: "https://images.example.test/zoe.png",
      locale: "fr",
      invitationsDeclined: true,
      accounts: { create: { type: "email", provider: "email", providerAccountId: email } },
      sessions: { create: { sessionToken: `session-${token}`, expires: new Date(Date.now() + 86_400_000) } },
      purchases: { create: { orderId: `ORDER-${token}`, productId: product.id, quantity: 2, purchasedAt: new Date() } },
      orders: { create: { orderId: `ORDER-${token}`, payloadSha256: "0".repeat(64), purchasedAt: new Date(), response: { orderId: `ORDER-${token}` } } },
      invitations: { create: { id: `invitation-${token}`, orderId: `ORDER-${token}` } },
      sentEmails: { create: { messageId: `<${token}@community.shop.test>`, kind: "sign-in", subject: "Your sign-in link" } },
    },
    select: { id: true },
  });
  await db().verificationToken.create({ data: { identifier: email, token: `verification-${token}`, expires: new Date(Date.now() + 3_600_000) } });
  if (member) {
    await db().$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { isMember: true, memberSince: new Date(), showsOwnerBadge: true } });
      const grant = { subjectId: user.id, action: "GRANTED", locale: "fr", source: "JOIN_PAGE", channel: "WEB", requestId: `join-${token}` } as const;
      await recordConsentEvent(tx, { ...grant, purpose: "COMMUNITY_MEMBERSHIP" });
      await recordConsentEvent(tx, { ...grant, purpose: "OWNER_BADGE" });
    });
  }
  return { id: user.id, email, token, productId: product.id };
}

async function personalRowCounts(userId: string, email: string) {
  const where = { userId };
  const [accounts, sessions, verificationTokens, purchases, orders, invitations, sentEmails] = await Promise.all([
    db().account.count({ where }),
    db().session.count({ where }),
    db().verificationToken.count({ where: { identifier: email } }),
    db().purchase.count({ where }),
    db().shopOrder.count({ where }),
    db().invitation.count({ where }),
    db().sentEmail.count({ where }),
  ]);
  return { accounts, sessions, verificationTokens, purchases, orders, invitations, sentEmails };
}

const noRows = { accounts: 0, sessions: 0, verificationTokens: 0, purchases: 0, orders: 0, invitations: 0, sentEmails: 0 };

describe("deleteMyAccount", () => {
  it("erases every personal field and row, keeps the ledger, withdraws each granted purpose and suppresses the address", async () => {
    const customer = await createCustomerWithHistory({ member: true });
    const ledgerBefore = await db().consentEvent.findMany({ where: { subjectId: customer.id }, select: { id: true } });
    const requestId = `delete-${randomUUID()}`;

    const outcome = await deleteMyAccount(customer.id, {
      posts: "keep-as-deleted-member",
      requestId,
      locale: "en",
      withdrawalTextVersions: currentWithdrawalVersions,
    });

    expect(outcome).toEqual({
      status: "deleted",
      withdrawn: [
        { purpose: "OWNER_BADGE", scope: null },
        { purpose: "COMMUNITY_MEMBERSHIP", scope: null },
      ],
    });
    const tombstone = await db().user.findUniqueOrThrow({ where: { id: customer.id } });
    expect(tombstone).toMatchObject({
      email: `deleted-${customer.id}@deleted.invalid`,
      emailVerified: null,
      displayName: null,
      name: null,
      image: null,
      locale: null,
      role: "MEMBER",
      isMember: false,
      memberSince: null,
      showsOwnerBadge: false,
      invitationsDeclined: false,
    });
    expect(tombstone.deletedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(tombstone)).not.toContain(customer.token);
    expect(await personalRowCounts(customer.id, customer.email)).toEqual(noRows);

    const ledgerAfter = await db().consentEvent.findMany({
      where: { subjectId: customer.id },
      orderBy: { id: "asc" },
      select: { id: true, purpose: true, action: true, source: true, channel: true, requestId: true, locale: true, textVersion: true, textSha256: true },
    });
    expect(ledgerAfter.slice(0, 2).map((row) => row.id)).toEqual(ledgerBefore.map((row) => row.id));
    expect(ledgerAfter.slice(2)).toEqual(
      (["OWNER_BADGE", "COMMUNITY_MEMBERSHIP"] as const).map((purpose) => ({
        id: expect.any(BigInt),
        purpose,
        action: "WITHDRAWN",
        source: "ACCOUNT_DELETION",
        channel: "WEB",
        requestId,
        locale: "en",
        textVersion: currentWithdrawalVersions[purpose],
        textSha256: sha256Hex(getConsentText(purpose, "WITHDRAWN", "en").body),
      })),
    );

    const suppression = await db().emailSuppression.findUnique({ where: { emailSha256: hashEmailAddress(customer.email) } });
    expect(suppression?.reason).toBe("account deleted");
  });

  it("records no withdrawal for someone who never joined", async () => {
    const customer = await createCustomerWithHistory({ member: false });

    const outcome = await deleteMyAccount(customer.id, { posts: "remove", requestId: randomUUID(), locale: "fr" });

    expect(outcome).toEqual({ status: "deleted", withdrawn: [] });
    expect(await db().consentEvent.count({ where: { subjectId: customer.id } })).toBe(0);
    expect(await personalRowCounts(customer.id, customer.email)).toEqual(noRows);
  });

  it("leaves other people's data alone", async () => {
    const customer = await createCustomerWithHistory({ member: true });
    const neighbour = await createCustomerWithHistory({ member: true });
    const neighbourBefore = await personalRowCounts(neighbour.id, neighbour.email);

    await deleteMyAccount(customer.id, { posts: "remove", requestId: randomUUID(), locale: "en" });

    expect(await personalRowCounts(neighbour.id, neighbour.email)).toEqual(neighbourBefore);
    expect(await db().user.findUniqueOrThrow({ where: { id: neighbour.id }, select: { email: true, isMember: true, deletedAt: true } })).toEqual({
      email: neighbour.email,
      isMember: true,
      deletedAt: null,
    });
    expect(await db().consentEvent.count({ where: { subjectId: neighbour.id } })).toBe(2);
  });

  it("answers not-found and writes nothing when the account is already deleted", async () => {
    const customer = await createCustomerWithHistory({ member: true });
    await deleteMyAccount(customer.id, { posts: "remove", requestId: randomUUID(), locale: "en" });
    const ledgerCount = await db().consentEvent.count({ where: { subjectId: customer.id } });

    const again = await deleteMyAccount(customer.id, { posts: "remove", requestId: randomUUID(), locale: "en" });

    expect(again).toEqual({ status: "not-found" });
    expect(await db().consentEvent.count({ where: { subjectId: customer.id } })).toBe(ledgerCount);
  });

  it("records one withdrawal per purpose when the same deletion is submitted twice at once", async () => {
    const customer = await createCustomerWithHistory({ member: true });

    const outcomes = await Promise.all([1, 2].map(() => deleteMyAccount(customer.id, { posts: "remove", requestId: randomUUID(), locale: "en" })));

    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["deleted", "not-found"]);
    expect(await db().consentEvent.count({ where: { subjectId: customer.id, action: "WITHDRAWN" } })).toBe(2);
  });

  it("changes nothing at all when the withdrawal text shown is no longer the current one", async () => {
    const customer = await createCustomerWithHistory({ member: true });

    const attempt = deleteMyAccount(customer.id, {
      posts: "remove",
      requestId: randomUUID(),
      locale: "en",
      withdrawalTextVersions: { COMMUNITY_MEMBERSHIP: currentWithdrawalVersions.COMMUNITY_MEMBERSHIP + 1 },
    });

    await expect(attempt).rejects.toSatisfy((error) => isAppError(error, "CONSENT_TEXT_OUTDATED"));
    expect(await db().user.findUniqueOrThrow({ where: { id: customer.id }, select: { email: true, isMember: true, showsOwnerBadge: true, deletedAt: true } })).toEqual({
      email: customer.email,
      isMember: true,
      showsOwnerBadge: true,
      deletedAt: null,
    });
    expect(await db().consentEvent.count({ where: { subjectId: customer.id } })).toBe(2);
    expect(await db().emailSuppression.count({ where: { emailSha256: hashEmailAddress(customer.email) } })).toBe(0);
    expect((await personalRowCounts(customer.id, customer.email)).purchases).toBe(1);
  });

  it("makes the account unexportable and its address unmailable, sign-in links included", async () => {
    const customer = await createCustomerWithHistory({ member: false });
    await deleteMyAccount(customer.id, { posts: "keep-as-deleted-member", requestId: randomUUID(), locale: "en" });

    const outcome = await sendSignInLink({ email: customer.email, nextAuthLink: "http://localhost:3000/api/auth/callback/email?token=t", locale: "en" });
    const control = `control-${randomUUID()}@example.test`;
    await sendSignInLink({ email: control, nextAuthLink: "http://localhost:3000/api/auth/callback/email?token=t", locale: "en" });
    await sink.waitForMessage((m) => JSON.stringify(m.to).includes(control));

    expect(outcome).toEqual({ status: "not-sent", reason: "suppressed" });
    expect(sink.messages.filter((m) => JSON.stringify(m.to).includes(customer.email))).toEqual([]);
    expect(await exportMyData(customer.id)).toBeNull();
  });

  it("lets a later purchase with the same address create a fresh customer with no history, who is never mailed", async () => {
    const customer = await createCustomerWithHistory({ member: true });
    const sku = (await db().product.findUniqueOrThrow({ where: { id: customer.productId }, select: { sku: true } })).sku;
    await deleteMyAccount(customer.id, { posts: "remove", requestId: randomUUID(), locale: "en" });

    const body = JSON.stringify({
      orderId: `AFTER-${customer.token}`,
      purchasedAt: "2026-09-01T09:00:00Z",
      customer: { email: customer.email.toUpperCase(), name: "Zoé Again" },
      items: [{ sku, quantity: 1 }],
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await postPurchase(
      new Request("http://localhost/api/webhooks/purchases", {
        method: "POST",
        body,
        headers: {
          "Content-Type": "application/json",
          "X-Entraide-Timestamp": String(timestamp),
          "X-Entraide-Signature": signShopPayload(body, env().SHOP_WEBHOOK_SECRET, timestamp),
        },
      }),
    );

    expect(response.status).toBe(201);
    const fresh = await db().user.findUniqueOrThrow({
      where: { email: customer.email },
      select: { id: true, isMember: true, showsOwnerBadge: true, deletedAt: true, purchases: { select: { orderId: true } } },
    });
    expect(fresh.id).not.toBe(customer.id);
    expect(fresh).toMatchObject({ isMember: false, showsOwnerBadge: false, deletedAt: null, purchases: [{ orderId: `AFTER-${customer.token}` }] });
    expect(await db().consentEvent.count({ where: { subjectId: fresh.id } })).toBe(0);
    expect((await exportMyData(fresh.id))?.consentHistory).toEqual([]);

    const outcome = await sendSignInLink({ email: customer.email, nextAuthLink: "http://localhost:3000/api/auth/callback/email?token=t", locale: "en" });
    expect(outcome).toEqual({ status: "not-sent", reason: "suppressed" });
    expect(await db().sentEmail.count({ where: { userId: fresh.id } })).toBe(0);
    expect(sink.messages.filter((m) => JSON.stringify(m.to).toLowerCase().includes(customer.email))).toEqual([]);
  });
});
