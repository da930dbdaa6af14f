import { describe, expect, it } from "vitest";
import { countPages, isPageInRange, parsePageParam } from "./pagination";

describe("parsePageParam", () => {
  it("treats a missing parameter as the first page", () => {
    expect(parsePageParam(undefined)).toBe(1);
  });
  it("accepts plain positive integers", () => {
    expect(parsePageParam("1")).toBe(1);
    expect(parsePageParam("42")).toBe(42);
  });
  it("rejects anything else instead of guessing", () => {
    for (const raw of ["", "0", "-1", "2.5", "abc", "01", " 2", "1e3", "9999999"]) {
      expect(parsePageParam(raw), raw).toBeNull();
    }
    expect(parsePageParam(["1", "2"])).toBeNull();
  });
});

describe("countPages", () => {
  it("keeps one page for an empty list and rounds partial pages up", () => {
    expect(countPages(0, 10)).toBe(1);
    expect(countPages(10, 10)).toBe(1);
    expect(countPages(11, 10)).toBe(2);
  });
  it("checks a page against the page count", () => {
    expect(isPageInRange(1, 1)).toBe(true);
    expect(isPageInRange(3, 2)).toBe(false);
    expect(isPageInRange(0, 2)).toBe(false);
  });
});
