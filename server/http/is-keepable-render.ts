import "server-only";

/**
 * Whether a loopback render may be stored for other anonymous readers: a complete 200 HTML page
 * that set no cookie (a cookie means the response was meant for one browser) and carries the
 * nonce it was rendered with (needed to give each reader a fresh one).
 */
export function isKeepableRender(response: { status: number; headers: Headers; body: unknown }, renderNonce: string | null): renderNonce is string {
  return (
    response.status === 200 &&
    response.body !== null &&
    !response.headers.has("set-cookie") &&
    (response.headers.get("content-type") ?? "").startsWith("text/html") &&
    renderNonce !== null
  );
}
