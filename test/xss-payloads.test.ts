import { describe, expect, it } from "vitest";
import { xssPayloads } from "./xss-payloads";

describe("the XSS corpus", () => {
  it("holds at least 100 distinct payloads", () => {
    expect(new Set(xssPayloads).size).toBe(xssPayloads.length);
    expect(xssPayloads.length).toBeGreaterThanOrEqual(100);
  });

  it("holds only payloads that would show themselves if they ran (alert, window.__xss, a load from xss.example, or an encoded form of one)", () => {
    // A payload that could run without anyone noticing would prove nothing in the browser test.
    const visible = /alert|__xss|xss\.example|msgbox|;base64,|&#\d/;
    expect(xssPayloads.filter((payload) => !visible.test(payload))).toEqual([]);
  });
});
