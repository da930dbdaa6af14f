// A mention is "@" followed by a member's display name written without its spaces
// ("Alice Martin" → @AliceMartin), compared case-insensitively. It starts and ends with a letter
// or digit, with "_", ".", "'" and "-" allowed inside (Jean-Luc, O'Brien): so a trailing "." is
// punctuation and "_@name_" stays emphasis.
export const MENTION_NAME_PATTERN = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}_.'’\\-]{0,62}[\\p{L}\\p{N}])?";

export const mentionKey = (name: string) => name.replace(/\s+/gu, "").toLowerCase();
