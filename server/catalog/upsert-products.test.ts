import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { upsertProducts } from "./upsert-products";

const unique = () => randomBytes(4).toString("hex");

const productsBySku = (skus: string[]) =>
  db().product.findMany({
    where: { sku: { in: skus } },
    select: { sku: true, slug: true, name: true, shortDescription: true, updatedAt: true, category: { select: { name: true, slug: true } } },
    orderBy: { sku: "asc" },
  });

afterAll(async () => {
  await db().$disconnect();
});

describe("upsertProducts", () => {
  it("creates products and their category once, then updates by SKU without duplicates", async () => {
    const run = unique();
    const category = `Test SSDs ${run}`;
    const skus = [`UP-${run}-1`, `UP-${run}-2`];

    const first = await upsertProducts([
      { sku: skus[0]!, name: `Fast SSD ${run}`, category, description: "1 TB NVMe" },
      { sku: skus[1]!, name: `Slow SSD ${run}`, category },
    ]);
    expect(first).toEqual({ created: 2, updated: 0, unchanged: 0, categoriesCreated: 1 });

    const second = await upsertProducts([
      { sku: skus[0]!, name: `Fast SSD ${run} (2025)`, category, description: "1 TB NVMe" },
      { sku: skus[1]!, name: `Slow SSD ${run}`, category },
    ]);
    expect(second).toEqual({ created: 0, updated: 1, unchanged: 1, categoriesCreated: 0 });

    const rows = await productsBySku(skus);
    expect(rows.map((row) => [row.sku, row.name, row.slug, row.shortDescription])).toEqual([
      [skus[0], `Fast SSD ${run} (2025)`, `fast-ssd-${run}`, "1 TB NVMe"],
      [skus[1], `Slow SSD ${run}`, `slow-ssd-${run}`, null],
    ]);
    expect(new Set(rows.map((row) => row.category.name))).toEqual(new Set([category]));
    expect(await db().category.count({ where: { name: category } })).toBe(1);
    expect(await db().product.count({ where: { sku: { in: skus } } })).toBe(2);
  });

  it("leaves unchanged products untouched, keeps an omitted description and clears a null one", async () => {
    const run = unique();
    const sku = `UP-${run}`;
    const category = `Test Keyboards ${run}`;
    await upsertProducts([{ sku, name: `Keyboard ${run}`, category, description: "Tenkeyless" }]);
    const [before] = await productsBySku([sku]);

    expect(await upsertProducts([{ sku, name: `Keyboard ${run}`, category }])).toMatchObject({ unchanged: 1, updated: 0 });
    const [kept] = await productsBySku([sku]);
    expect(kept?.shortDescription).toBe("Tenkeyless");
    expect(kept?.updatedAt).toEqual(before?.updatedAt);

    expect(await upsertProducts([{ sku, name: `Keyboard ${run}`, category, description: null }])).toMatchObject({ updated: 1 });
    expect((await productsBySku([sku]))[0]?.shortDescription).toBeNull();
  });

  it("moves a product to another category, creating it", async () => {
    const run = unique();
    const sku = `UP-${run}`;
    await upsertProducts([{ sku, name: `Monitor ${run}`, category: `Test Screens ${run}` }]);
    expect(await upsertProducts([{ sku, name: `Monitor ${run}`, category: `Test Monitors ${run}` }])).toEqual({
      created: 0,
      updated: 1,
      unchanged: 0,
      categoriesCreated: 1,
    });
    expect((await productsBySku([sku]))[0]?.category.name).toBe(`Test Monitors ${run}`);
  });

  it("gives products and categories with clashing names distinct slugs, kept across renames", async () => {
    const run = unique();
    const [a, b, c] = [`UP-${run}-A`, `UP-${run}-B`, `UP-${run}-C`];
    const summary = await upsertProducts([
      { sku: a, name: `Router ${run}`, category: `Test Routers ${run}` },
      { sku: b, name: `Router ${run}`, category: `Test routers ${run}!` },
    ]);
    expect(summary).toMatchObject({ created: 2, categoriesCreated: 2 });
    await upsertProducts([{ sku: c, name: `Router ${run}`, category: `Test Routers ${run}` }]);
    await upsertProducts([{ sku: a, name: `Renamed router ${run}`, category: `Test Routers ${run}` }]);

    const rows = await productsBySku([a, b, c]);
    expect(rows.map((row) => row.slug)).toEqual([`router-${run}`, `router-${run}-up-${run}-b`, `router-${run}-up-${run}-c`]);
    expect(new Set(rows.map((row) => row.category.slug))).toEqual(new Set([`test-routers-${run}`, `test-routers-${run}-2`]));
  });

  it("falls back to the SKU for a slug when the name has no Latin letters or digits", async () => {
    const run = unique();
    await upsertProducts([{ sku: `UP-${run}`, name: "キーボード", category: `Test Misc ${run}` }]);
    expect((await productsBySku([`UP-${run}`]))[0]?.slug).toBe(`up-${run}`);
  });

  it("writes a thousand products with concurrent syncs and no lost or duplicated rows", async () => {
    const run = unique();
    const batch = (from: number) =>
      Array.from({ length: 500 }, (_, i) => ({ sku: `UP-${run}-${from + i}`, name: `Cable ${run}`, category: `Test Cables ${run}` }));
    const [left, right] = await Promise.all([upsertProducts(batch(0)), upsertProducts(batch(500))]);
    expect(left.created + right.created).toBe(1000);
    expect(left.categoriesCreated + right.categoriesCreated).toBe(1);
    const slugs = await db().product.findMany({ where: { sku: { startsWith: `UP-${run}-` } }, select: { slug: true } });
    expect(new Set(slugs.map((row) => row.slug)).size).toBe(1000);
  });
});
