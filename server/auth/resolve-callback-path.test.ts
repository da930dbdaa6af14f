import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveCallbackPath } from "./resolve-callback-path";

const saved = { ...process.env };
beforeAll(() => {
  process.env.APP_URL = "https://community.shop.test";
});
afterAll(() => {
  process.env = saved;
});

describe("resolveCallbackPath", () => {
  it("returns the page to come back to after signing in", () => {
    expect(resolveCallbackPath("/account")).toBe("/account");
    expect(resolveCallbackPath("https://community.shop.test/p/kettle?x=1")).toBe("/p/kettle?x=1");
    expect(resolveCallbackPath("/signing-rules")).toBe("/signing-rules");
  });

  it("never sends back to sign-in itself (a signed-in visitor would loop) nor off-site", () => {
    expect(resolveCallbackPath("/signin")).toBe("/");
    expect(resolveCallbackPath("/signin?callbackUrl=%2Fsignin")).toBe("/");
    expect(resolveCallbackPath("/signin/check-email")).toBe("/");
    expect(resolveCallbackPath("https://evil.test/account")).toBe("/");
    expect(resolveCallbackPath(["/a", "/b"])).toBe("/");
    expect(resolveCallbackPath(undefined)).toBe("/");
  });
});
