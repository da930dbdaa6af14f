import { describe, expect, it } from "vitest";
import { catalogPath, categoryPath, isWellFormedSlug, productPath } from "./catalog-paths";

describe("catalog paths", () => {
  it("gives page 1 the plain address and later pages a ?page", () => {
    expect(categoryPath("ssd")).toBe("/c/ssd");
    expect(categoryPath("ssd", 1)).toBe("/c/ssd");
    expect(categoryPath("ssd", 3)).toBe("/c/ssd?page=3");
    expect(catalogPath()).toBe("/categories");
    expect(catalogPath(2)).toBe("/categories?page=2");
  });
  it("escapes slugs", () => {
    expect(productPath("a b/c")).toBe("/p/a%20b%2Fc");
  });
  it("accepts the slugs toSlug makes and rejects what cannot be one", () => {
    expect(isWellFormedSlug("nimbus-1-tb-nvme-ssd")).toBe(true);
    expect(isWellFormedSlug("ssd-2")).toBe(true);
    for (const bad of ["", "a\u0000b", "Upper", "with space", "x".repeat(161), "../etc"]) {
      expect(isWellFormedSlug(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});
