import { describe, expect, it } from "vitest";
import { serializeJsonLd } from "./serialize-json-ld";

describe("serializeJsonLd", () => {
  it("never lets user text close the script element, and stays the same data", () => {
    const data = { name: "</script><script>alert(1)</script>", text: "a\u2028b" };
    const json = serializeJsonLd(data);
    expect(json).not.toContain("<");
    expect(json).not.toContain("\u2028");
    expect(JSON.parse(json)).toEqual(data);
  });
});
