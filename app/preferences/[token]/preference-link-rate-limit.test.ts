import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { TooManyRequestsNotice } from "@/components/errors/too-many-requests-notice";
import { RATE_LIMIT_POLICIES } from "@/server/http/rate-limit-policies";
import { pauseEmailByLinkAction } from "./actions";
import PreferenceLinkPage from "./page";

// The request's client address, as the page and the actions read it.
const request = vi.hoisted(() => ({ ip: "" }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": request.ip, "accept-language": "en" }),
  cookies: async () => ({ get: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<object>()), connection: async () => {} }));
// Messages as "key {values}", to see which message an action chose.
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace: string) => (key: string, values?: object) => `${namespace}.${key}${values ? ` ${JSON.stringify(values)}` : ""}`,
  getLocale: async () => "en",
}));

const { capacity } = RATE_LIMIT_POLICIES["preference-link"];
const bogusToken = "not-a-real-token";
const pause = () => pauseEmailByLinkAction({ token: bogusToken, locale: "en", textVersions: {} });
const openPage = () => PreferenceLinkPage({ params: Promise.resolve({ token: bogusToken }), searchParams: Promise.resolve({}) });

describe("preference link rate limit (per IP, page views and actions together)", () => {
  it("past the burst, actions answer a translated formError with the wait, and the page shows the notice instead of looking at the token", async () => {
    request.ip = `192.0.2.${randomUUID()}`;
    // Allowed: the bogus token is looked at and refused as every bad link is.
    expect(await pause()).toEqual({ ok: false, formError: "preferences.errors.invalidLink" });
    await expect(openPage()).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
    for (let index = 2; index < capacity; index += 1) await pause();

    const refused = await pause();
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.formError).toMatch(/^errors\.tooManyRequests\.action \{"seconds":[12]\}$/);
    const page = await openPage();
    expect(page.type).toBe(TooManyRequestsNotice);
    expect(page.props).toEqual({ retryAfterSeconds: expect.any(Number) });

    // Another address is unaffected.
    request.ip = `192.0.2.${randomUUID()}`;
    expect(await pause()).toEqual({ ok: false, formError: "preferences.errors.invalidLink" });
  });
});
