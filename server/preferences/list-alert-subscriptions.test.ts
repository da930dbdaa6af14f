import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { createTestCategory, createTestProduct } from "@/test/fixtures/catalog";
import { createTestMember, createTestThread } from "@/test/fixtures/discussion-threads";
import { ALERT_SUBSCRIPTIONS_PAGE_SIZE, listAlertSubscriptions } from "./list-alert-subscriptions";

afterAll(async () => {
  await db().$disconnect();
});

describe("listAlertSubscriptions", () => {
  it("lists each kind of target with its name, link, level, channels, source and date, newest first", async () => {
    const member = await createTestMember();
    const category = await createTestCategory("Storage for listing");
    const product = await createTestProduct(category.id, "SSD X");
    const thread = await createTestThread({ productId: product.id, authorId: member.id, title: "Noisy fan" });
    const day = (n: number) => new Date(Date.UTC(2026, 2, n));
    await db().alertSubscription.createMany({
      data: [
        { userId: member.id, productId: product.id, level: "NEW_THREADS", email: true, source: "PRODUCT_PAGE", chosenAt: day(3) },
        { userId: member.id, categoryId: category.id, level: "EVERYTHING", source: "CATEGORY_PAGE", chosenAt: day(4) },
        { userId: member.id, threadId: thread.id, level: "MUTED", source: "THREAD_PAGE", chosenAt: day(5) },
      ],
    });

    const all = await listAlertSubscriptions({ userId: member.id, page: 1 });
    expect(all.total).toBe(3);
    expect(all.items.map(({ id: _id, ...rest }) => rest)).toEqual([
      { targetType: "thread", targetId: thread.id, name: "Noisy fan", href: `/t/${thread.id}/${thread.slug}`, level: "MUTED", inApp: true, email: false, source: "THREAD_PAGE", chosenAt: day(5), muted: true },
      { targetType: "category", targetId: category.id, name: "Storage for listing", href: expect.stringMatching(/^\/c\//), level: "EVERYTHING", inApp: true, email: false, source: "CATEGORY_PAGE", chosenAt: day(4), muted: false },
      { targetType: "product", targetId: product.id, name: "SSD X", href: expect.stringMatching(/^\/p\//), level: "NEW_THREADS", inApp: true, email: true, source: "PRODUCT_PAGE", chosenAt: day(3), muted: false },
    ]);

    expect((await listAlertSubscriptions({ userId: member.id, page: 1, muted: true })).items.map((item) => item.name)).toEqual(["Noisy fan"]);
    const subscribed = await listAlertSubscriptions({ userId: member.id, page: 1, muted: false });
    expect(subscribed.items.map((item) => item.name)).toEqual(["Storage for listing", "SSD X"]);
    expect(subscribed.total).toBe(2);
  });

  it("shows nobody else's rows, and a deleted thread without a link", async () => {
    const member = await createTestMember();
    const other = await createTestMember();
    const category = await createTestCategory();
    const product = await createTestProduct(category.id, "Other product");
    const thread = await createTestThread({ productId: product.id, authorId: member.id, deleted: true });
    await db().alertSubscription.create({ data: { userId: member.id, threadId: thread.id, level: "EVERYTHING", source: "THREAD_PAGE" } });
    await db().alertSubscription.create({ data: { userId: other.id, productId: product.id, level: "EVERYTHING", source: "PRODUCT_PAGE" } });
    const page = await listAlertSubscriptions({ userId: member.id, page: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ targetType: "thread", href: null });
  });

  it("pages by 20 and counts the total even past the last page", async () => {
    const member = await createTestMember();
    const category = await createTestCategory();
    const products = await Promise.all(Array.from({ length: ALERT_SUBSCRIPTIONS_PAGE_SIZE + 3 }, (_, index) => createTestProduct(category.id, `Paged ${index}`)));
    await db().alertSubscription.createMany({
      data: products.map((product, index) => ({ userId: member.id, productId: product.id, level: "EVERYTHING" as const, source: "PRODUCT_PAGE" as const, chosenAt: new Date(Date.UTC(2026, 0, 1, 0, index)) })),
    });
    const first = await listAlertSubscriptions({ userId: member.id, page: 1 });
    const second = await listAlertSubscriptions({ userId: member.id, page: 2 });
    const beyond = await listAlertSubscriptions({ userId: member.id, page: 3 });
    expect([first.items.length, second.items.length, beyond.items.length]).toEqual([20, 3, 0]);
    expect([first.total, second.total, beyond.total, first.pageCount]).toEqual([23, 23, 23, 2]);
    expect(second.items.at(-1)?.name).toBe("Paged 0");
    expect((await listAlertSubscriptions({ userId: (await createTestMember()).id, page: 1 })).pageCount).toBe(1);
  });
});
