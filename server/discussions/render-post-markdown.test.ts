import { describe, expect, it } from "vitest";
import { renderPostMarkdown } from "./render-post-markdown";

const LINK_REL = 'rel="nofollow ugc noopener"';

describe("renderPostMarkdown: the supported subset", () => {
  it("renders paragraphs, line breaks, emphasis, strong and strikethrough", async () => {
    expect(await renderPostMarkdown("Hello *world* and **strong** ~~gone~~\nnext line\n\nSecond")).toBe(
      "<p>Hello <em>world</em> and <strong>strong</strong> <s>gone</s><br />\nnext line</p>\n<p>Second</p>",
    );
  });

  it("renders bulleted and numbered lists, keeping the start number", async () => {
    expect(await renderPostMarkdown("- a\n- b\n\n3. x\n4. y")).toBe("<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ol start=\"3\">\n<li>x</li>\n<li>y</li>\n</ol>");
  });

  it("renders inline code and fenced code blocks with their language, escaping their content", async () => {
    expect(await renderPostMarkdown("Use `a < b`\n\n```ts\nif (a < b) {}\n```")).toBe(
      '<p>Use <code>a &lt; b</code></p>\n<pre tabindex="0"><code class="language-ts">if (a &lt; b) {}\n</code></pre>',
    );
  });

  it("renders indented code blocks and blockquotes", async () => {
    expect(await renderPostMarkdown("    indented\n\n> quoted *text*")).toBe(
      '<pre tabindex="0"><code>indented\n</code></pre>\n<blockquote>\n<p>quoted <em>text</em></p>\n</blockquote>',
    );
  });

  it("renders headings of every level as bold paragraphs, keeping the page outline intact", async () => {
    expect(await renderPostMarkdown("# One *a*\n## Two\n#### Four\n\nSetext\n======")).toBe(
      "<p><strong>One <em>a</em></strong></p>\n<p><strong>Two</strong></p>\n<p><strong>Four</strong></p>\n<p><strong>Setext</strong></p>",
    );
  });

  it("renders links and autolinks with rel nofollow ugc noopener and no target", async () => {
    const html = await renderPostMarkdown("[shop](https://shop.example/a?b=1&c=2) <https://a.example/x> see https://b.example/y or mailto:help@shop.example");
    expect(html).toBe(
      `<p><a href="https://shop.example/a?b=1&amp;c=2" ${LINK_REL}>shop</a> <a href="https://a.example/x" ${LINK_REL}>https://a.example/x</a> see <a href="https://b.example/y" ${LINK_REL}>https://b.example/y</a> or <a href="mailto:help@shop.example" ${LINK_REL}>mailto:help@shop.example</a></p>`,
    );
    expect(html).not.toContain("target");
  });

  it("leaves bare domains and file names unlinked", async () => {
    expect(await renderPostMarkdown("www.example.com and main.py")).toBe("<p>www.example.com and main.py</p>");
  });

  it("keeps links that are not http(s) or mailto as plain text", async () => {
    expect(await renderPostMarkdown("[a](/relative) [b](ftp://x.example) [c](javascript:alert(1))")).toBe(
      "<p>[a](/relative) [b](ftp://x.example) [c](javascript:alert(1))</p>",
    );
  });

  it("shows images as a plain link to the image, never an <img>", async () => {
    expect(await renderPostMarkdown("![a photo](https://x.example/a.png)")).toBe(`<p>!<a href="https://x.example/a.png" ${LINK_REL}>a photo</a></p>`);
  });

  it("escapes raw HTML instead of interpreting it", async () => {
    expect(await renderPostMarkdown('<b>bold</b> <div class="x">block</div>\n\n<script>alert(1)</script>')).toBe(
      '<p>&lt;b&gt;bold&lt;/b&gt; &lt;div class="x"&gt;block&lt;/div&gt;</p>\n<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
  });

  it("does not render tables", async () => {
    expect(await renderPostMarkdown("| a | b |\n|---|---|\n| 1 | 2 |")).not.toContain("<table");
  });

  it("returns an empty string for whitespace", async () => {
    expect(await renderPostMarkdown("  \n\n ")).toBe("");
  });
});
