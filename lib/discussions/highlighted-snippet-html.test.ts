import { describe, expect, it } from "vitest";
import { highlightedSnippetHtml } from "./highlighted-snippet-html";

describe("highlightedSnippetHtml", () => {
  it("escapes the text and turns only the markers into <mark>", () => {
    expect(highlightedSnippetHtml(`a <img src=x onerror="alert(1)"> & \u0001word\u0002 'q'`)).toBe(
      "a &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; <mark>word</mark> &#39;q&#39;",
    );
  });

  it("never leaves a <mark> open or closes one that is not open", () => {
    expect(highlightedSnippetHtml("\u0002stray \u0001open")).toBe("stray <mark>open</mark>");
    expect(highlightedSnippetHtml("\u0001a\u0001b\u0002\u0002")).toBe("<mark>ab</mark>");
  });
});
