import "server-only";
import { renderPostMarkdown, renderPostMarkdownWithMentions } from "./render-post-markdown";
import { resolveMentions } from "./resolve-mentions";

/** Sanitized HTML for a post body, with @mentions linked: what every write stores in bodyHtml. */
export function renderPostBody(markdown: string): Promise<string> {
  return renderPostMarkdown(markdown, { resolveMentions });
}

/** The same HTML plus the ids of the members it mentions (PostMention rows, notifications). */
export function renderPostBodyWithMentions(markdown: string): Promise<{ html: string; mentionedUserIds: string[] }> {
  return renderPostMarkdownWithMentions(markdown, { resolveMentions });
}
