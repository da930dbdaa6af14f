import { describe, expect, it } from "vitest";
import { classifyPageRequest, type PageRequestFacts } from "./classify-page-request";

function facts(pathname: string, options: { method?: string; search?: string; headers?: Record<string, string>; cookies?: Record<string, string> } = {}): PageRequestFacts {
  const headers = options.headers ?? {};
  const cookies = options.cookies ?? {};
  return {
    method: options.method ?? "GET",
    pathname,
    search: options.search ?? "",
    header: (name) => headers[name] ?? null,
    cookieNames: Object.keys(cookies),
    cookie: (name) => cookies[name],
  };
}

describe("classifyPageRequest", () => {
  it("caches the public pages of an anonymous reader, keyed by language, path and query", () => {
    expect(classifyPageRequest(facts("/"))).toEqual({ cacheable: true, key: "en /", threadId: null });
    expect(classifyPageRequest(facts("/categories", { headers: { "accept-language": "fr-FR,fr;q=0.9" } }))).toEqual({ cacheable: true, key: "fr /categories", threadId: null });
    expect(classifyPageRequest(facts("/p/kestrel-n4", { search: "?filter=unanswered" }))).toEqual({ cacheable: true, key: "en /p/kestrel-n4?filter=unanswered", threadId: null });
    expect(classifyPageRequest(facts("/c/laptops"))).toMatchObject({ cacheable: true, threadId: null });
    expect(classifyPageRequest(facts("/t/abc123/some-title", { method: "HEAD" }))).toEqual({ cacheable: true, key: "en /t/abc123/some-title", threadId: "abc123" });
  });

  it("keys by the language cookie before Accept-Language, like the page does", () => {
    const request = facts("/", { headers: { "accept-language": "en" }, cookies: { NEXT_LOCALE: "fr", "next-auth.csrf-token": "x" } });
    expect(classifyPageRequest(request)).toMatchObject({ cacheable: true, key: "fr /" });
  });

  it("never caches for a session or any cookie it does not know", () => {
    expect(classifyPageRequest(facts("/", { cookies: { "next-auth.session-token": "jwt" } }))).toEqual({ cacheable: false });
    expect(classifyPageRequest(facts("/", { cookies: { "__Secure-next-auth.session-token.0": "jwt" } }))).toEqual({ cacheable: false });
    expect(classifyPageRequest(facts("/", { cookies: { theme: "dark" } }))).toEqual({ cacheable: false });
  });

  it("never caches other methods, other pages, or React Server Component requests", () => {
    expect(classifyPageRequest(facts("/", { method: "POST" }))).toEqual({ cacheable: false });
    expect(classifyPageRequest(facts("/search", { search: "?q=usb" }))).toEqual({ cacheable: false });
    expect(classifyPageRequest(facts("/p/kestrel-n4/ask"))).toEqual({ cacheable: false });
    expect(classifyPageRequest(facts("/t/abc123"))).toEqual({ cacheable: false });
    expect(classifyPageRequest(facts("/t/abc123/title/posts/p1/revisions"))).toEqual({ cacheable: false });
    expect(classifyPageRequest(facts("/account"))).toEqual({ cacheable: false });
    expect(classifyPageRequest(facts("/api/threads/abc/events"))).toEqual({ cacheable: false });
    expect(classifyPageRequest(facts("/t/abc123/title", { headers: { rsc: "1" } }))).toEqual({ cacheable: false });
    expect(classifyPageRequest(facts("/", { headers: { "next-router-prefetch": "1" } }))).toEqual({ cacheable: false });
    expect(classifyPageRequest(facts("/", { headers: { "next-action": "abc" } }))).toEqual({ cacheable: false });
  });
});
