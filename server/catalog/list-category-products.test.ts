import { beforeAll, describe, expect, it } from "vitest";
import { createTestCategory, createTestProduct, uniqueToken } from "@/test/fixtures/catalog";
import { listCategoryProducts } from "./list-category-products";

describe("listCategoryProducts", () => {
  let categorySlug = "";

  beforeAll(async () => {
    const category = await createTestCategory();
    const other = await createTestCategory();
    categorySlug = category.slug;
    // Created out of order, with two equal names, to prove ordering and stable paging.
    for (const name of ["Echo", "Alpha", "Charlie", "Bravo", "Charlie"]) {
      await createTestProduct(category.id, name, `About ${name}`);
    }
    await createTestProduct(other.id, "Aardvark in another category");
  });

  it("returns small product DTOs of the category only", async () => {
    const page = await listCategoryProducts({ categorySlug, page: 1, pageSize: 10 });
    expect(page.total).toBe(5);
    expect(page.pageCount).toBe(1);
    for (const item of page.items) {
      expect(Object.keys(item).sort()).toEqual(["name", "shortDescription", "sku", "slug"]);
      expect(item.shortDescription).toBe(`About ${item.name}`);
    }
  });

  it("pages through the products in name order without overlap", async () => {
    const pages = await Promise.all(
      [1, 2, 3].map((page) => listCategoryProducts({ categorySlug, page, pageSize: 2 })),
    );
    expect(pages.map((p) => p.items.map((item) => item.name))).toEqual([["Alpha", "Bravo"], ["Charlie", "Charlie"], ["Echo"]]);
    expect(new Set(pages.flatMap((p) => p.items.map((item) => item.slug))).size).toBe(5);
    expect(pages.map((p) => [p.page, p.pageSize, p.total, p.pageCount])).toEqual([
      [1, 2, 5, 3],
      [2, 2, 5, 3],
      [3, 2, 5, 3],
    ]);
  });

  it("returns no items past the last page", async () => {
    const page = await listCategoryProducts({ categorySlug, page: 4, pageSize: 2 });
    expect(page.items).toEqual([]);
    expect(page.pageCount).toBe(3);
  });

  it("treats an unknown category as empty", async () => {
    const page = await listCategoryProducts({ categorySlug: `missing-${uniqueToken()}`, page: 1, pageSize: 10 });
    expect(page).toEqual({ items: [], page: 1, pageSize: 10, total: 0, pageCount: 1 });
  });

  it("treats a malformed category slug as empty instead of failing", async () => {
    const page = await listCategoryProducts({ categorySlug: "bad\u0000slug", page: 1, pageSize: 10 });
    expect(page).toEqual({ items: [], page: 1, pageSize: 10, total: 0, pageCount: 1 });
  });
});
