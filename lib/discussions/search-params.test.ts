import { describe, expect, it } from "vitest";
import { parseSearchParams, searchPath } from "./search-params";

describe("parseSearchParams", () => {
  it("reads a full search", () => {
    expect(parseSearchParams({ q: "  battery  ", product: "vanta-air-14", category: "laptops", kind: "question", status: "solved", page: "3" })).toEqual({
      query: "battery",
      productSlug: "vanta-air-14",
      categorySlug: "laptops",
      kind: "QUESTION",
      status: "solved",
      page: 3,
    });
  });

  it("drops malformed filters and clamps the page instead of failing", () => {
    expect(parseSearchParams({ q: ["a", "b"], product: "../x", category: "\u0000", kind: "poll", status: "maybe", page: "-4" })).toEqual({
      query: "a",
      productSlug: undefined,
      categorySlug: undefined,
      kind: undefined,
      status: undefined,
      page: 1,
    });
    expect(parseSearchParams({ page: "999999999" }).page).toBe(500);
    expect(parseSearchParams({ page: "abc" }).page).toBe(1);
    expect(parseSearchParams({ q: "x".repeat(1000) }).query).toHaveLength(200);
  });
});

describe("searchPath", () => {
  it("leaves page 1 and empty filters out of the address", () => {
    expect(searchPath({ query: "écran noir", page: 1 })).toBe("/search?q=%C3%A9cran+noir");
    expect(searchPath({ query: "fan", kind: "TIP", status: "unsolved", page: 2 })).toBe("/search?q=fan&kind=tip&status=unsolved&page=2");
    expect(searchPath({})).toBe("/search");
  });
});
