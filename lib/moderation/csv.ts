/**
 * CSV as RFC 4180 wants it (CRLF line ends; a field with a comma, quote, CR or LF is quoted and
 * its quotes doubled), safe to open in a spreadsheet: a cell that starts with = + - @ (or a tab or
 * carriage return, which some programs skip before reading a formula) gets a leading ' so it is
 * read as text, never run as a formula.
 */
export type CsvValue = string | number | bigint | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
