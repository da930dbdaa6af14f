/**
 * Removes what PostgreSQL cannot store in text (NUL) and the other invisible C0 control
 * characters people never mean to type, keeping tab, line feed and carriage return. Applied to
 * free text before validation, so such input is cleaned rather than failing the whole write.
 */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function stripUnstorableCharacters(text: string): string {
  return text.replace(UNSTORABLE, "");
}
