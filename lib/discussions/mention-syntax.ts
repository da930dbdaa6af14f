// A mention is "@" followed by a member's display name written without its spaces
// ("Alice Martin" → @AliceMartin), compared case-insensitively. Letters, digits and "_" plus
// inner ".", "'" and "-" (Jean-Luc, O'Brien); a trailing "." or "-" is punctuation, not the name.
export const MENTION_NAME_PATTERN = "[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.'\\-]{0,62}[\\p{L}\\p{N}_])?";

export const mentionKey = (name: string) => name.replace(/\s+/gu, "").toLowerCase();
