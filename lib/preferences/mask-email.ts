const MASK = "•••";

/** Keeps the first and last character of a part: "alice" → "a•••e", "al" → "a•••", "" → "•••". */
function maskPart(part: string): string {
  const characters = [...part];
  if (characters.length === 0) return MASK;
  if (characters.length <= 2) return `${characters[0]}${MASK}`;
  return `${characters[0]}${MASK}${characters.at(-1)}`;
}

/**
 * An e-mail address masked for a page opened from a link that may have been forwarded:
 * "alice@domain.test" → "a•••e@d•••.test". The local part keeps its first and last character,
 * every domain label but the last (the public suffix) only its first.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at === -1) return maskPart(email);
  const labels = email.slice(at + 1).split(".");
  const suffix = labels.length > 1 ? labels.pop() : undefined;
  const domain = labels.map((label) => `${[...label][0] ?? ""}${MASK}`).join(".");
  return `${maskPart(email.slice(0, at))}@${domain}${suffix === undefined ? "" : `.${suffix}`}`;
}
