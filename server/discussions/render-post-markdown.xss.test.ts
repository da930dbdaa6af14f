import { describe, expect, it } from "vitest";
import { xssPayloads } from "@/test/xss-payloads";
import { renderPostMarkdown } from "./render-post-markdown";

const FORBIDDEN_TAG = /<\s*\/?\s*(h[1-6]|script|iframe|object|embed|svg|math|style|img|link|meta|base|form|input|button|textarea|select|template|video|audio|source)\b/i;
const ALLOWED_TAGS = ["p", "br", "em", "strong", "s", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr"];
const DANGEROUS_URL = /^(javascript|vbscript|data):/i;

const decodeEntities = (value: string) =>
  value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&colon;/gi, ":")
    .replace(/&tab;/gi, "\t")
    .replace(/&newline;/gi, "\n")
    .replace(/&quot;/gi, '"')
    .replace(/&amp;/gi, "&");

/** Every real tag of sanitized output: any "<" outside a tag is escaped, so a "<" opens a tag. */
function tagsOf(html: string): { name: string; attributes: { name: string; value: string }[] }[] {
  return [...html.matchAll(/<\/?([a-zA-Z][\w:-]*)([^>]*)>/g)].map(([, name = "", rest = ""]) => ({
    name: name.toLowerCase(),
    attributes: [...rest.matchAll(/([^\s"'=<>\/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)].map(([, attribute = "", doubleQuoted, singleQuoted, bare]) => ({
      name: attribute.toLowerCase(),
      value: doubleQuoted ?? singleQuoted ?? bare ?? "",
    })),
  }));
}

function expectInert(html: string) {
  expect(html).not.toMatch(FORBIDDEN_TAG);
  for (const tag of tagsOf(html)) {
    expect(ALLOWED_TAGS).toContain(tag.name);
    for (const attribute of tag.attributes) {
      expect(attribute.name).not.toMatch(/^on/);
      expect(["href", "rel", "class", "start", "tabindex"]).toContain(attribute.name);
      if (attribute.name === "tabindex") expect(tag.name === "pre" && attribute.value === "0").toBe(true);
      // Browsers ignore tabs, newlines and leading control characters/spaces inside a scheme.
      const url = decodeEntities(attribute.value).replace(/[\u0000-\u0020]/g, "");
      expect(url).not.toMatch(DANGEROUS_URL);
      if (attribute.name === "href") expect(url).toMatch(/^(https?:\/\/|mailto:|\/members\/)/i);
    }
  }
}

describe("renderPostMarkdown against known XSS payloads", () => {
  it("has a corpus of at least 60 payloads", () => {
    expect(new Set(xssPayloads).size).toBeGreaterThanOrEqual(60);
  });

  it.each(xssPayloads.map((payload) => [payload]))("renders inert: %j", async (payload) => {
    expectInert(await renderPostMarkdown(payload));
  });

  it.each([
    ['<a href="jav&#x09;ascript:alert(1)">x</a>'],
    ['<p onclick="alert(1)">x</p>'],
    ['<a href="/elsewhere">x</a>'],
    ["<img src=x>"],
    ['<a href="data:text/html,x">x</a>'],
  ])("the inertness check itself rejects %j", (unsafe) => {
    expect(() => expectInert(unsafe)).toThrow();
  });
});
