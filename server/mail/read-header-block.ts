import "server-only";

export interface MailHeader {
  name: string;
  value: string;
}

/** Reads the header block of an RFC 5322 message, unfolding continuation lines, in order. */
export function readHeaderBlock(rawMessage: string): MailHeader[] {
  const headerBlock = rawMessage.split(/\r?\n\r?\n/, 1)[0] ?? "";
  const headers: MailHeader[] = [];
  for (const line of headerBlock.split(/\r?\n/)) {
    const previous = headers.at(-1);
    if (/^[ \t]/.test(line) && previous) {
      previous.value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(":");
    if (colon > 0) headers.push({ name: line.slice(0, colon), value: line.slice(colon + 1).trim() });
  }
  return headers;
}
