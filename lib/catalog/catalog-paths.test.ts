import { describe, expect, it } from "vitest";
import { catalogPath, categoryPath, productPath } from "./catalog-paths";

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
});
