import { createHmac } from "node:crypto";
import type { Page } from "@playwright/test";

/**
 * The e2e server's TOKEN_SIGNING_KEYS (playwright.config.ts). The app's signing code starts with
 * `import "server-only"`, so tests sign links themselves, from the format documented in
 * server/tokens/sign-token.ts and compute-token-mac.ts — which also checks that documentation.
 */
export const E2E_TOKEN_KEY = { kid: "e2e", secret: "e2e-only-token-signing-key-with-32-characters" } as const;

/** `<kid>.<base64url payload>.<base64url HMAC-SHA256("entraide-token\0<kind>\0<kid>\0<payload>")>` */
export function signE2eToken(kind: string, payload: string, key: { kid: string; secret: string } = E2E_TOKEN_KEY): string {
  const encodedPayload = Buffer.from(payload, "utf8").toString("base64url");
  const mac = createHmac("sha256", key.secret).update(`entraide-token\0${kind}\0${key.kid}\0${encodedPayload}`, "utf8").digest("base64url");
  return `${key.kid}.${encodedPayload}.${mac}`;
}

/** The signed preference-center link an alert e-mail would carry for this user id. */
export function preferenceLinkPath(userId: string): string {
  return `/preferences/${signE2eToken("preferences", userId)}`;
}

/** The signed-in person's user id, read from their own data export (no test-only endpoint in the app). */
export async function currentUserId(page: Page): Promise<string> {
  const response = await page.request.get("/account/data/export");
  if (!response.ok()) throw new Error(`data export answered ${response.status()}`);
  const document = (await response.json()) as { profile?: { id?: unknown } };
  if (typeof document.profile?.id !== "string") throw new Error("no profile id in the data export");
  return document.profile.id;
}
