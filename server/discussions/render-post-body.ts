import "server-only";
import { renderPostMarkdown } from "./render-post-markdown";
import { resolveMentions } from "./resolve-mentions";

/** Sanitized HTML for a post body, with @mentions linked: what every write stores in bodyHtml. */
export function renderPostBody(markdown: string): Promise<string> {
  return renderPostMarkdown(markdown, { resolveMentions });
}
