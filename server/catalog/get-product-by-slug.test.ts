import { describe, expect, it } from "vitest";
import { createTestCategory, createTestProduct, uniqueToken } from "@/test/fixtures/catalog";
import { getProductBySlug } from "./get-product-by-slug";

describe("getProductBySlug", () => {
  it("returns the product facts with its category", async () => {
    const category = await createTestCategory();
    const product = await createTestProduct(category.id, "Quiet 1 TB SSD", "NVMe drive with a five-year warranty");

    const detail = await getProductBySlug(product.slug);

    expect(detail).toEqual({
      id: product.id,
      slug: product.slug,
      sku: product.sku,
      name: "Quiet 1 TB SSD",
      shortDescription: "NVMe drive with a five-year warranty",
      listedAt: expect.any(Date),
      updatedAt: expect.any(Date),
      category: { slug: category.slug, name: category.name },
    });
  });

  it("keeps a missing description as null", async () => {
    const category = await createTestCategory();
    const product = await createTestProduct(category.id, "Plain cable");
    expect((await getProductBySlug(product.slug))?.shortDescription).toBeNull();
  });

  it("returns null for an unknown slug", async () => {
    expect(await getProductBySlug(`missing-${uniqueToken()}`)).toBeNull();
  });

  it("returns null, without a database error, for a slug no row can have (NUL byte, upper case, too long)", async () => {
    for (const slug of ["a\u0000b", "Some-Slug", "x".repeat(500)]) {
      expect(await getProductBySlug(slug)).toBeNull();
    }
  });
});
