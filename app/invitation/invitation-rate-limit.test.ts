import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { TooManyRequestsNotice } from "@/components/errors/too-many-requests-notice";
import { DECLINE_FIELDS } from "@/lib/invitations/decline-invitation-schema";
import { RATE_LIMIT_POLICIES } from "@/server/http/rate-limit-policies";
import DeclineInvitationPage from "./[token]/decline/page";
import InvitationPage from "./[token]/page";
import { declineInvitationAction } from "./actions";

// The request's client address, as the pages and the action read it.
const request = vi.hoisted(() => ({ ip: "" }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": request.ip, "accept-language": "en" }),
  cookies: async () => ({ get: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<object>()), connection: async () => {} }));
// Messages as "key {values}", to see which message the action chose.
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace: string) => (key: string, values?: object) => `${namespace}.${key}${values ? ` ${JSON.stringify(values)}` : ""}`,
}));

const { capacity } = RATE_LIMIT_POLICIES.invitation;
const bogusToken = "not-a-real-invitation";
const decline = () => {
  const form = new FormData();
  form.set(DECLINE_FIELDS.token, bogusToken);
  return declineInvitationAction(null, form);
};
const params = { params: Promise.resolve({ token: bogusToken }) };

describe("invitation rate limit (per IP, pages and No thanks together)", () => {
  it("past the burst, No thanks answers a translated formError with the wait and both pages show the notice", async () => {
    request.ip = `192.0.2.${randomUUID()}`;
    // Allowed: the bogus token is looked at and refused like any dead link.
    expect(await decline()).toEqual({ ok: false, formError: "invitation.decline.errors.notFound" });
    await expect(InvitationPage(params)).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
    await expect(DeclineInvitationPage(params)).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
    for (let index = 3; index < capacity; index += 1) await decline();

    const refused = await decline();
    expect(!refused.ok && refused.formError).toMatch(/^errors\.tooManyRequests\.action \{"seconds":[12]\}$/);
    for (const page of [await InvitationPage(params), await DeclineInvitationPage(params)]) {
      expect(page.type).toBe(TooManyRequestsNotice);
      expect(page.props).toEqual({ retryAfterSeconds: expect.any(Number) });
    }

    request.ip = `192.0.2.${randomUUID()}`;
    expect(await decline()).toEqual({ ok: false, formError: "invitation.decline.errors.notFound" });
  });
});
