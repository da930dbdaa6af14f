import { describe, expect, it } from "vitest";
import { createTestCategory, createTestProduct, createTestPurchases } from "@/test/fixtures/catalog";
import { listRelatedProducts } from "./list-related-products";

describe("listRelatedProducts", () => {
  it("lists other products of the category, most bought first, then by name", async () => {
    const category = await createTestCategory();
    const other = await createTestCategory();
    const current = await createTestProduct(category.id, "Current");
    const popular = await createTestProduct(category.id, "Zulu popular");
    await createTestProduct(category.id, "Bravo");
    await createTestProduct(category.id, "Alpha");
    await createTestProduct(other.id, "Elsewhere");
    await createTestPurchases(popular.id, 2);
    await createTestPurchases(current.id, 5);

    const related = await listRelatedProducts({ categorySlug: category.slug, excludeSlug: current.slug, limit: 10 });

    expect(related.map((product) => product.name)).toEqual(["Zulu popular", "Alpha", "Bravo"]);
    expect(Object.keys(related[0]!).sort()).toEqual(["name", "slug"]);
  });

  it("stops at the limit", async () => {
    const category = await createTestCategory();
    const current = await createTestProduct(category.id, "Current");
    for (const name of ["A", "B", "C"]) await createTestProduct(category.id, name);

    const related = await listRelatedProducts({ categorySlug: category.slug, excludeSlug: current.slug, limit: 2 });
    expect(related.map((product) => product.name)).toEqual(["A", "B"]);
  });
});
