import "server-only";

/** IANA zones offered by the delivery form (the runtime's list), always including the saved one. */
export function timeZoneChoices(saved: string): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const all = new Set([...zones, "UTC", saved]);
  return [...all].sort((a, b) => a.localeCompare(b));
}

/** Names of ISO weekdays 1 (Monday) – 7 (Sunday) in a language. */
export function weekdayNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, index) => format.format(new Date(Date.UTC(2024, 0, 1 + index))));
}
