/**
 * Turns a snippet with \u0001…\u0002 highlight markers (from ts_headline) into HTML where
 * everything is escaped and only <mark> elements are markup, so a post's text can never inject.
 */
const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function highlightedSnippetHtml(marked: string): string {
  const escaped = marked.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
  let open = false;
  let html = escaped.replace(/[\u0001\u0002]/g, (marker) => {
    if (marker === "\u0001" && !open) {
      open = true;
      return "<mark>";
    }
    if (marker === "\u0002" && open) {
      open = false;
      return "</mark>";
    }
    return "";
  });
  if (open) html += "</mark>";
  return html;
}
