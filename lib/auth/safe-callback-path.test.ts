import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-callback-path";

const APP_URL = "https://community.shop.test";

describe("safeCallbackPath", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeCallbackPath("/account", APP_URL)).toBe("/account");
    expect(safeCallbackPath("/p/kettle-2000?page=2#answers", APP_URL)).toBe("/p/kettle-2000?page=2#answers");
    expect(safeCallbackPath("https://community.shop.test/c/kitchen", APP_URL)).toBe("/c/kitchen");
  });

  it("refuses other sites, however they are disguised", () => {
    for (const hostile of [
      "https://evil.test/account",
      "//evil.test/account",
      "/\\evil.test",
      "\\\\evil.test",
      "https://community.shop.test.evil.test/",
      "http://community.shop.test/account", // other scheme = other origin
      "javascript:alert(1)",
      "evil.test/account",
      "/\tevil",
    ]) {
      expect(safeCallbackPath(hostile, APP_URL), hostile).toBe("/");
    }
  });

  it("falls back for missing or absurd values", () => {
    expect(safeCallbackPath(undefined, APP_URL)).toBe("/");
    expect(safeCallbackPath(["/a", "/b"], APP_URL)).toBe("/");
    expect(safeCallbackPath("", APP_URL, "/account")).toBe("/account");
    expect(safeCallbackPath(`/${"a".repeat(3000)}`, APP_URL)).toBe("/");
  });
});
