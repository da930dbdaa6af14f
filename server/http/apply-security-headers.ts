import "server-only";

/** Features no page of ours uses: denied so an injected script or a framed page cannot ask. */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "usb=()",
  "browsing-topics=()",
].join(", ");

/**
 * The headers every response carries, pages and route handlers alike (APIs, server-sent events,
 * the one-click unsubscribe POST, webhooks). The CSP is added separately, for HTML pages only.
 * HSTS only over https: sent over http it would be ignored, and on localhost it would pin
 * every other local project to https.
 */
export function applySecurityHeaders(headers: Headers, options: { https: boolean }): void {
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  headers.set("Permissions-Policy", PERMISSIONS_POLICY);
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  // Older browsers that ignore frame-ancestors.
  headers.set("X-Frame-Options", "DENY");
  if (options.https) headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
}
