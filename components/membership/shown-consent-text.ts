/** A consent text as a page shows it: the exact catalog wording and the version it carries. */
export type ShownConsentText = { version: number; body: string };
