import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { test, expect } from "./support/test";
import { becomeMember } from "./support/membership";
import { signInWithEmailLink } from "./support/sign-in";
import { uniqueEmail } from "./support/shop";
import { settled, watchForCspViolations } from "./support/csp-violations";

const MODERATOR = "moderator@demo.entraide.test";
const PRODUCT = "/p/kestrel-n4-1-tb-nvme-ssd";

async function firstThreadPath(page: Page): Promise<string> {
  await page.goto("/");
  const href = await page.locator('a[href^="/t/"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  return href!.split("?")[0]!;
}

test("every response carries the security headers; pages get a CSP with a fresh nonce that Next's scripts carry", async ({ request }) => {
  const first = await request.get("/");
  const second = await request.get("/");
  for (const response of [first, second]) {
    const headers = response.headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["x-frame-options"]).toBe("DENY");
    // Served over http here: no HSTS (it is sent only when APP_URL is https).
    expect(headers["strict-transport-security"]).toBeUndefined();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9_-]{24}' 'strict-dynamic'/);
    for (const directive of ["default-src 'self'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'", "object-src 'none'", "connect-src 'self'"]) {
      expect(csp).toContain(directive);
    }
    // Every nonce in the HTML is this response's nonce, and Next's scripts carry it.
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    const html = await response.text();
    const nonces = [...html.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]);
    expect(nonces.length).toBeGreaterThan(0);
    expect(new Set(nonces)).toEqual(new Set([nonce]));
    expect(html).toContain(`<script nonce="${nonce}"`);
  }
  const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
  expect(nonceOf(first.headers()["content-security-policy"])).not.toBe(nonceOf(second.headers()["content-security-policy"]));

  // Route handlers too: an API, a one-click unsubscribe POST with a forged token, a webhook.
  for (const response of [
    await request.get("/api/similar-questions?title=usb"),
    await request.post("/unsubscribe/forged-token", { form: { "List-Unsubscribe": "One-Click" } }),
    await request.post("/api/webhooks/purchases", { data: "{}" }),
  ]) {
    expect(response.headers()["x-content-type-options"], response.url()).toBe("nosniff");
    expect(response.headers()["referrer-policy"], response.url()).toBe("strict-origin-when-cross-origin");
    expect(response.headers()["cross-origin-opener-policy"], response.url()).toBe("same-origin");
  }
  // The unsubscribe pages keep their own policy (no scripts at all, their inline stylesheet
  // allowed): the pages' nonce policy would leave them unstyled, unreadable in dark mode.
  const unsubscribePage = await request.get("/unsubscribe/forged-token");
  expect(unsubscribePage.headers()["content-security-policy"]).toBe(
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  );
});

test("the main pages run with zero CSP violations, signed out and as a moderator", async ({ page, mail }) => {
  // Thirteen pages, each also checked by axe in two colour schemes when the test ends.
  test.setTimeout(240_000);
  const expectNoViolations = await watchForCspViolations(page);
  const thread = await firstThreadPath(page);
  for (const path of ["/", "/categories", PRODUCT, thread, "/search?q=usb", "/signin"]) {
    await page.goto(path);
    await settled(page);
    await expectNoViolations(path);
  }
  await page.goto("/moderation");
  await signInWithEmailLink(page, mail, MODERATOR);
  await expect(page.getByRole("navigation", { name: "Moderation" })).toBeVisible();
  for (const path of ["/moderation", "/moderation/health", "/moderation/queue", "/notifications", "/account/preferences", thread]) {
    await page.goto(path);
    await settled(page);
    await expectNoViolations(path);
  }
  // Client-side navigation and a live thread page (its event stream is same-origin).
  await page.goto(thread);
  await page.getByRole("link", { name: "Community health" }).or(page.getByRole("link", { name: "Moderation" })).first().click();
  await settled(page);
  await expectNoViolations("after a client-side navigation");
});

test("anonymous pages come from the cache with a fresh nonce each time, and a new reply shows at once", async ({ page, request, mail }) => {
  test.slow();
  const tag = randomBytes(3).toString("hex");
  const threadPath = await firstThreadPath(page);

  // Anonymous readers (no cookie): the first read may render, the next is a hit with a new nonce.
  const read = async () => {
    const response = await request.get(threadPath);
    expect(response.status()).toBe(200);
    const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")![1]!;
    const html = await response.text();
    expect([...html.matchAll(/nonce="([^"]+)"/g)].every((match) => match[1] === nonce)).toBe(true);
    return { cache: response.headers()["x-entraide-cache"], nonce, html };
  };
  const warm = await read();
  expect(["hit", "miss"]).toContain(warm.cache);
  const hit = await read();
  expect(hit.cache).toBe("hit");
  expect(hit.nonce).not.toBe(warm.nonce);
  expect(hit.html.split(hit.nonce).join("")).toBe(warm.html.split(warm.nonce).join(""));

  // A session is never served from the cache.
  const signedIn = await request.get(threadPath, { headers: { cookie: "next-auth.session-token=anything" } });
  expect(signedIn.headers()["x-entraide-cache"]).toBe("bypass");

  // A member replies; the very next anonymous read shows the reply.
  const reply = `Cache check reply ${tag}: it works after a firmware update.`;
  await becomeMember(page, mail, uniqueEmail("cache-replier"));
  await page.goto(threadPath);
  await page.getByRole("textbox", { name: "Reply" }).last().fill(reply);
  await page.getByRole("button", { name: "Post reply" }).last().click();
  await expect(page.locator(".prose-post", { hasText: reply })).toBeVisible();
  // The reply may sit on a later page of replies; the thread's last page is where new ones go.
  await expect(async () => {
    const after = await read();
    expect(after.html).toContain(reply.slice(0, 40));
  }).toPass({ timeout: 5_000 });
});
