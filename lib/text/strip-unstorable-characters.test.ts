import { describe, expect, it } from "vitest";
import { stripUnstorableCharacters } from "./strip-unstorable-characters";

describe("stripUnstorableCharacters", () => {
  it("removes NUL and other control characters but keeps tabs and line breaks", () => {
    expect(stripUnstorableCharacters("java\u0000script\u0007:\tok\r\nnext\u007F")).toBe("javascript:\tok\r\nnext");
  });
  it("leaves ordinary text, accents and emoji alone", () => {
    expect(stripUnstorableCharacters("Chloé’s SSD 🚀 — ça chauffe")).toBe("Chloé’s SSD 🚀 — ça chauffe");
  });
});
