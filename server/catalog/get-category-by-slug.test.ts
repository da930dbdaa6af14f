import { describe, expect, it } from "vitest";
import { createTestCategory, createTestProduct, uniqueToken } from "@/test/fixtures/catalog";
import { getCategoryBySlug } from "./get-category-by-slug";

describe("getCategoryBySlug", () => {
  it("returns the category's id, name, slug and product count, nothing more", async () => {
    const category = await createTestCategory();
    await createTestProduct(category.id, "First");
    await createTestProduct(category.id, "Second");

    expect(await getCategoryBySlug(category.slug)).toEqual({ id: category.id, slug: category.slug, name: category.name, productCount: 2 });
  });

  it("counts zero products for an empty category", async () => {
    const category = await createTestCategory();
    expect((await getCategoryBySlug(category.slug))?.productCount).toBe(0);
  });

  it("returns null for an unknown slug", async () => {
    expect(await getCategoryBySlug(`missing-${uniqueToken()}`)).toBeNull();
  });

  it("returns null, without a database error, for a slug no row can have (NUL byte, upper case, too long)", async () => {
    for (const slug of ["a\u0000b", "Some-Slug", "x".repeat(500)]) {
      expect(await getCategoryBySlug(slug)).toBeNull();
    }
  });
});
