import { describe, expect, it } from "vitest";
import { toSlug } from "./to-slug";

describe("toSlug", () => {
  it("lowercases, strips accents and joins words with dashes", () => {
    expect(toSlug('Écran 27" QHD (IPS)')).toBe("ecran-27-qhd-ips");
    expect(toSlug("  Wi-Fi 7 Router -- AX ")).toBe("wi-fi-7-router-ax");
  });

  it("returns an empty string when nothing is left to keep", () => {
    expect(toSlug("日本語")).toBe("");
  });

  it("cuts long text at a word boundary", () => {
    const slug = toSlug("word ".repeat(30), 20);
    expect(slug).toBe("word-word-word-word");
    expect(slug.length).toBeLessThanOrEqual(20);
  });
});
