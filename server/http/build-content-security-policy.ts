import "server-only";

export type ContentSecurityPolicyOptions = {
  nonce: string;
  /** `next dev` evaluates code with eval (React's debugging and Fast Refresh) and injects styles. */
  development: boolean;
  /** Served over https: ask browsers to upgrade any stray http sub-resource. */
  https: boolean;
};

/**
 * The Content-Security-Policy of an HTML page. Scripts run only with this response's nonce
 * ('strict-dynamic' lets Next's nonced bootstrap load its chunks); nothing is framed, no plugin,
 * no <base>, forms post only to us. Post bodies are sanitized HTML without images, so images are
 * our own files and data: URIs (Next's inline icons).
 *
 * Styles: our CSS is a same-origin file; the few style *attributes* React renders (recharts'
 * chart sizes, Next's route announcer) cannot carry a nonce, hence 'unsafe-inline' for
 * attributes only (`style-src-attr`), never for <style> elements. Development adds
 * 'unsafe-inline' for elements too: Next's dev overlay injects <style> tags without a nonce.
 */
export function buildContentSecurityPolicy({ nonce, development, https }: ContentSecurityPolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    // Server-sent events and server actions are same-origin; dev's HMR socket too ('self' covers ws:).
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
    "manifest-src 'self'",
    "worker-src 'self'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}
