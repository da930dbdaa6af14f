/**
 * Talking to a `next start` instance the way a browser does, without a browser: a session cookie
 * (next-auth's JWT, signed with the instances' shared NEXTAUTH_SECRET), and a server action call
 * (POST to the page with the `Next-Action` header and React's reply encoding of
 * `(previousState, formData)`).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { NEXT_DIST_DIR, TEST_SECRETS } from "./app-processes";

/** next-auth's cookie name on plain http (on https it gets the __Secure- prefix). */
export const SESSION_COOKIE = "next-auth.session-token";

/** A session token as next-auth issues it at sign-in (what its jwt callback stores). */
export async function sessionCookieFor(user: { id: string; email: string }): Promise<string> {
  const token = await encode({ token: { sub: user.id, email: user.email, role: "MEMBER", locale: null }, secret: TEST_SECRETS.NEXTAUTH_SECRET });
  return `${SESSION_COOKIE}=${token}`;
}

/** The id the production build gave a server action (`exportedName` of `file`). */
export function serverActionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(NEXT_DIST_DIR, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === file && entry.exportedName === exportedName);
  if (!found) throw new Error(`No server action ${exportedName} from ${file} in ${NEXT_DIST_DIR}`);
  return found[0];
}

/**
 * Calls a `(previous, formData)` server action as React's client (encodeReply) does: the form's
 * fields under the "_1_" prefix and the argument list `[null, "$K1"]` (FormData reference 1) in "0".
 * Returns the HTTP status and the RSC payload (the ActionResult is in it as JSON).
 */
export async function callFormAction(options: {
  baseUrl: string;
  pagePath: string;
  actionId: string;
  cookie: string;
  fields: Record<string, string>;
  signal?: AbortSignal;
}): Promise<{ status: number; body: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(options.fields)) form.append(`_1_${name}`, value);
  form.append("0", JSON.stringify([null, "$K1"]));
  const response = await fetch(`${options.baseUrl}${options.pagePath}`, {
    method: "POST",
    headers: { "Next-Action": options.actionId, Accept: "text/x-component", Origin: options.baseUrl, Cookie: options.cookie },
    body: form,
    redirect: "manual",
    signal: options.signal,
  });
  return { status: response.status, body: await response.text() };
}

/** The postId of a successful reply action's answer, or null for anything else. */
export function repliedPostId(body: string): string | null {
  const match = body.match(/"ok":true,"data":\{"postId":"([^"]+)"\}/);
  return match?.[1] ?? null;
}
