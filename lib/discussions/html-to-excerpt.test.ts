import { describe, expect, it } from "vitest";
import { htmlToText, toExcerpt } from "./html-to-excerpt";

describe("htmlToText", () => {
  it("drops tags, decodes entities and collapses whitespace", () => {
    expect(htmlToText("<p>Use <code>a &lt; b</code> &amp; check</p>\n<ul><li>one&#39;s</li><li>&#x263A;</li></ul>")).toBe(
      "Use a < b & check one's ☺",
    );
  });

  it("leaves unknown entities as written", () => {
    expect(htmlToText("<p>&bogus; ok</p>")).toBe("&bogus; ok");
  });
});

describe("toExcerpt", () => {
  it("keeps short text as is", () => {
    expect(toExcerpt("Short text", 155)).toBe("Short text");
  });

  it("cuts at a word boundary with an ellipsis", () => {
    const excerpt = toExcerpt("The descaling programme takes about twenty minutes to finish", 30);
    expect(excerpt).toBe("The descaling programme takes…");
    expect(excerpt.length).toBeLessThanOrEqual(30);
  });
});
