import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./locales";

describe("negotiateLocale", () => {
  it("prefers the highest quality supported language", () => {
    expect(negotiateLocale("de-DE,fr;q=0.8,en;q=0.5")).toBe("fr");
    expect(negotiateLocale("fr-CA,fr;q=0.9,en;q=0.8")).toBe("fr");
    expect(negotiateLocale("en-GB,fr;q=0.9")).toBe("en");
  });
  it("falls back to English for unsupported, empty or malformed headers", () => {
    expect(negotiateLocale("de, es;q=0.5")).toBe("en");
    expect(negotiateLocale("")).toBe("en");
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale(";;;q=abc,,")).toBe("en");
  });
  it("ignores languages refused with q=0", () => {
    expect(negotiateLocale("fr;q=0, en;q=0.1")).toBe("en");
  });
});
