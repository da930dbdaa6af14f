import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrlFor, dropDatabase, ensureDatabase } from "@/scripts/database/ensure-database";
import { applyMigrations } from "@/scripts/database/migrations/apply-migrations";
import { db } from "@/server/db/client";
import { createTestCategory, createTestProduct, createTestPurchases, uniqueToken } from "@/test/fixtures/catalog";
import { listCategories } from "./list-categories";

// Listing *all* categories can only be checked exactly in a database no other test file writes
// to, so this file gets its own (created before the first query opens the client).
let isolatedUrl = "";

beforeAll(async () => {
  const shared = process.env.DATABASE_URL;
  if (!shared) throw new Error("test/global-setup.ts should have set DATABASE_URL");
  isolatedUrl = databaseUrlFor(shared, `entraide_vitest_categories_${uniqueToken()}`);
  await ensureDatabase(isolatedUrl);
  await applyMigrations(isolatedUrl);
  process.env.DATABASE_URL = isolatedUrl;

  const drives = await createTestCategory("Drives");
  const laptops = await createTestCategory("Laptops");
  await createTestCategory("Adapters");
  const ssd = await createTestProduct(drives.id, "SSD 1 TB");
  await createTestProduct(drives.id, "HDD 4 TB");
  await createTestProduct(drives.id, "Card reader");
  const nvme = await createTestProduct(drives.id, "NVMe 2 TB");
  await createTestProduct(laptops.id, "Ultrabook 13");
  await createTestPurchases(nvme.id, 3);
  await createTestPurchases(ssd.id, 1);
});

afterAll(async () => {
  await db().$disconnect();
  if (isolatedUrl) await dropDatabase(isolatedUrl);
});

describe("listCategories", () => {
  it("lists categories by name with their product counts", async () => {
    const result = await listCategories({ page: 1, pageSize: 10, topProductsPerCategory: 2 });
    expect(result.items.map(({ name, productCount }) => [name, productCount])).toEqual([
      ["Adapters", 0],
      ["Drives", 4],
      ["Laptops", 1],
    ]);
    expect([result.page, result.pageSize, result.total, result.pageCount]).toEqual([1, 10, 3, 1]);
    expect(Object.keys(result.items[0]!).sort()).toEqual(["name", "productCount", "slug", "topProducts"]);
  });

  it("shows each category's most bought products first, a few per category", async () => {
    const result = await listCategories({ page: 1, pageSize: 10, topProductsPerCategory: 3 });
    const topNames = Object.fromEntries(result.items.map((item) => [item.name, item.topProducts.map((p) => p.name)]));
    // The limit applies per category, not to the whole list; unbought products follow by name.
    expect(topNames).toEqual({
      Adapters: [],
      Drives: ["NVMe 2 TB", "SSD 1 TB", "Card reader"],
      Laptops: ["Ultrabook 13"],
    });
    expect(Object.keys(result.items[1]!.topProducts[0]!).sort()).toEqual(["name", "slug"]);
  });

  it("pages through categories", async () => {
    const second = await listCategories({ page: 2, pageSize: 2, topProductsPerCategory: 1 });
    expect(second.items.map((item) => item.name)).toEqual(["Laptops"]);
    expect([second.total, second.pageCount]).toEqual([3, 2]);

    const beyond = await listCategories({ page: 3, pageSize: 2, topProductsPerCategory: 1 });
    expect(beyond.items).toEqual([]);
  });
});
