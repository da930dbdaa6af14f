import "server-only";
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * Primary key for rows written with raw SQL, where Prisma's `@default(cuid())` does not run.
 * Same shape as a cuid ("c" + 24 lowercase base-36 characters) so code that validates ids as
 * cuids accepts them; 24 random characters carry ~124 bits, enough to never collide.
 */
export function generateRowId(): string {
  const bytes = randomBytes(24);
  let id = "c";
  // 256 is not a multiple of 36; the slight bias toward early characters does not matter for ids.
  for (const byte of bytes) id += ALPHABET[byte % 36];
  return id;
}
