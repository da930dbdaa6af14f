import "server-only";
import MarkdownIt, { type StateInline, type Token } from "markdown-it";
import sanitizeHtml from "sanitize-html";
import { memberPath } from "@/lib/discussions/discussion-paths";
import { MENTION_NAME_PATTERN, mentionKey } from "@/lib/discussions/mention-syntax";

export type MentionedMember = { id: string; displayName: string };
export type ResolveMentions = (names: string[]) => Promise<Map<string, MentionedMember>>;

type RenderEnv = { mentions: Map<string, MentionedMember>; linked: Set<string> };

// The supported subset (documented in docs/discussions-markdown.md): paragraphs, line breaks,
// emphasis, strong, strikethrough, lists, inline code, code blocks, blockquotes, rules, links and
// autolinks; headings become bold paragraphs. Raw HTML is never interpreted (html: false escapes it),
// images and tables are not part of it.
const markdown = new MarkdownIt("default", { html: false, linkify: true, breaks: true, typographer: false });
markdown.disable(["image", "table"]);
// Only explicit http(s):// and mailto: text becomes a link: "fuzzy" detection turned file names
// such as main.py (Paraguay's TLD) into links.
markdown.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
markdown.linkify.add("ftp:", null).add("//", null);

const ALLOWED_LINK = /^(https?:\/\/|mailto:)/i;
// markdown-it's default check is a blocklist; a link that is not http(s)/mailto stays plain text.
markdown.validateLink = (url: string) => ALLOWED_LINK.test(url.trim());

// A post has no place in the page's outline (the opening post sits right under the <h1>, replies
// under an <h2>), so a heading of any level becomes a bold paragraph instead of skipping levels.
markdown.renderer.rules.heading_open = () => "<p><strong>";
markdown.renderer.rules.heading_close = () => "</strong></p>\n";

const POSSESSIVE = /['’]s$/u;
const MENTION_AT = new RegExp(`^@(${MENTION_NAME_PATTERN})`, "u");

// "@name" preceded by a letter or digit is an e-mail address or a handle inside a word, not a
// mention. An English possessive ("@AliceMorgan's answer") is not part of the name.
markdown.inline.ruler.before("emphasis", "mention", (state: StateInline, silent: boolean) => {
  if (state.src.charCodeAt(state.pos) !== 0x40 /* @ */) return false;
  const before = state.pos > 0 ? (state.src[state.pos - 1] ?? "") : "";
  if (/[\p{L}\p{N}]/u.test(before)) return false;
  const match = MENTION_AT.exec(state.src.slice(state.pos));
  const name = match?.[1]?.replace(POSSESSIVE, "");
  if (!name) return false;
  if (!silent) {
    const token = state.push("mention", "", 0);
    token.meta = { name };
    token.content = `@${name}`;
  }
  state.pos += name.length + 1;
  return true;
});

markdown.renderer.rules.mention = (tokens: Token[], index: number, _options, env: RenderEnv) => {
  const token = tokens[index];
  if (!token) return "";
  const member = token.meta.insideLink ? undefined : env.mentions.get(mentionKey(token.meta.name));
  const text = markdown.utils.escapeHtml(token.content);
  if (!member) return text;
  env.linked.add(member.id);
  return `<a class="mention" href="${markdown.utils.escapeHtml(memberPath(member.id))}">${text}</a>`;
};

function collectMentionNames(tokens: Token[]): string[] {
  const names: string[] = [];
  for (const block of tokens) {
    if (block.type !== "inline" || !block.children) continue;
    let linkDepth = 0;
    for (const token of block.children) {
      if (token.type === "link_open") linkDepth += 1;
      else if (token.type === "link_close") linkDepth -= 1;
      else if (token.type === "mention") {
        // A mention inside link text would nest a link in a link.
        token.meta.insideLink = linkDepth > 0;
        if (linkDepth === 0) names.push(token.meta.name);
      }
    }
  }
  return names;
}

const LINK_REL = "nofollow ugc noopener";

// Applied after rendering, whatever the renderer produced: the allowlist is the security
// boundary, the Markdown options above only shape what is normally produced.
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "em", "strong", "s", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr"],
  allowedAttributes: { a: ["href", "rel", "class"], ol: ["start"], code: ["class"], pre: ["tabindex"] },
  allowedClasses: { a: ["mention"], code: ["language-*"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "escape",
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: LINK_REL } }),
    // A long code line scrolls inside its block; keyboard users need to reach it to scroll it.
    pre: (tagName) => ({ tagName, attribs: { tabindex: "0" } }),
  },
};

export async function renderPostMarkdown(markdownText: string, options?: { resolveMentions?: ResolveMentions }): Promise<string> {
  return (await renderPostMarkdownWithMentions(markdownText, options)).html;
}

/** The same, plus the ids of the members the HTML links as mentions (who a post notifies). */
export async function renderPostMarkdownWithMentions(
  markdownText: string,
  options?: { resolveMentions?: ResolveMentions },
): Promise<{ html: string; mentionedUserIds: string[] }> {
  const env: RenderEnv = { mentions: new Map(), linked: new Set() };
  const tokens = markdown.parse(markdownText, env);
  const names = [...new Set(collectMentionNames(tokens).map(mentionKey))];
  if (names.length > 0 && options?.resolveMentions) {
    env.mentions = await options.resolveMentions(names);
  }
  const html = markdown.renderer.render(tokens, markdown.options, env);
  return { html: sanitizeHtml(html, SANITIZE_OPTIONS).trim(), mentionedUserIds: [...env.linked] };
}
