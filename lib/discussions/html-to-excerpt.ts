const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Plain text of sanitized post HTML (for meta descriptions and JSON-LD): tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === "#") {
        const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : " ";
      }
      return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, " ")
    .trim();
}

/** At most `maxLength` characters, cut at a word boundary with an ellipsis when shortened. */
export function toExcerpt(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  // A word that ends exactly at the cut is whole; otherwise drop the partial word.
  const endsOnWord = /\s/.test(text.charAt(maxLength - 1));
  const lastSpace = cut.lastIndexOf(" ");
  const kept = endsOnWord || lastSpace <= maxLength / 2 ? cut : cut.slice(0, lastSpace);
  return `${kept.trimEnd()}…`;
}
