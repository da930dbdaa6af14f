const MAX_SLUG_LENGTH = 80;

/**
 * URL-safe lowercase ASCII slug: "Écran 27\" QHD (IPS)" → "ecran-27-qhd-ips". May return an
 * empty string (a name with no Latin letters or digits); callers pick a fallback.
 */
export function toSlug(text: string, maxLength = MAX_SLUG_LENGTH): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug;
  // Cut at a word boundary when there is one reasonably close, so slugs do not end mid-word.
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf("-");
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, "");
}
