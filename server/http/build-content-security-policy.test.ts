import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy } from "./build-content-security-policy";
import { applySecurityHeaders } from "./apply-security-headers";
import { parsePageChange } from "./parse-page-change";
import { isKeepableRender } from "./is-keepable-render";

function directives(csp: string) {
  return new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.slice(d.indexOf(" ") + 1)]));
}

describe("buildContentSecurityPolicy", () => {
  it("allows only this response's nonce for scripts and inline styles in production", () => {
    const csp = directives(buildContentSecurityPolicy({ nonce: "n0nce", development: false, https: false }));
    expect(csp.get("script-src")).toBe("'self' 'nonce-n0nce' 'strict-dynamic'");
    expect(csp.get("style-src")).toBe("'self' 'nonce-n0nce'");
    expect(csp.get("default-src")).toBe("'self'");
    expect(csp.get("img-src")).toBe("'self' data:");
    expect(csp.get("connect-src")).toBe("'self'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'none'");
    expect(csp.get("form-action")).toBe("'self'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
    expect([...csp.values()].join(" ")).not.toContain("unsafe-eval");
  });

  it("adds eval for the development server, and upgrades requests over https", () => {
    const dev = directives(buildContentSecurityPolicy({ nonce: "n", development: true, https: false }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(directives(buildContentSecurityPolicy({ nonce: "n", development: false, https: true })).has("upgrade-insecure-requests")).toBe(true);
  });
});

describe("applySecurityHeaders", () => {
  it("sets the usual headers, and HSTS only over https", () => {
    const http = new Headers();
    applySecurityHeaders(http, { https: false });
    expect(http.get("x-content-type-options")).toBe("nosniff");
    expect(http.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(http.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(http.get("permissions-policy")).toContain("camera=()");
    expect(http.has("strict-transport-security")).toBe(false);
    const https = new Headers();
    applySecurityHeaders(https, { https: true });
    expect(https.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  });
});

describe("parsePageChange", () => {
  it("reads a thread id, and treats anything else as a change to everything", () => {
    expect(parsePageChange(JSON.stringify({ threadId: "t1", postId: "p1", kind: "reply" }))).toEqual({ threadId: "t1" });
    expect(parsePageChange(JSON.stringify({ scope: "all" }))).toEqual({ all: true });
    expect(parsePageChange("not json")).toEqual({ all: true });
  });
});

describe("isKeepableRender", () => {
  const html = (extra: Record<string, string> = {}) => new Headers({ "content-type": "text/html; charset=utf-8", ...extra });
  it("keeps a 200 HTML page with its nonce and no cookie", () => {
    expect(isKeepableRender({ status: 200, headers: html(), body: "x" }, "nonce")).toBe(true);
  });
  it("never keeps a response that sets a cookie, another status or type, or one without a nonce", () => {
    expect(isKeepableRender({ status: 200, headers: html({ "set-cookie": "NEXT_LOCALE=fr; Path=/" }), body: "x" }, "nonce")).toBe(false);
    expect(isKeepableRender({ status: 404, headers: html(), body: "x" }, "nonce")).toBe(false);
    expect(isKeepableRender({ status: 308, headers: html(), body: null }, "nonce")).toBe(false);
    expect(isKeepableRender({ status: 200, headers: new Headers({ "content-type": "text/x-component" }), body: "x" }, "nonce")).toBe(false);
    expect(isKeepableRender({ status: 200, headers: html(), body: "x" }, null)).toBe(false);
  });
});
