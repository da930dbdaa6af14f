import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors/app-error";
import { getConsentText } from "@/lib/consent/consent-texts";
import { sha256Hex } from "@/lib/consent/sha256-hex";
import { createTestMember } from "@/test/fixtures/discussion-threads";
import type { PreferenceActor } from "./preference-actor";
import { setEmailPaused } from "./set-email-paused";

afterAll(async () => {
  await db().$disconnect();
});

const setPaused = (actor: PreferenceActor, paused: boolean) => setEmailPaused({ actor, paused, source: "PREFERENCE_CENTER", locale: "en", requestId: randomUUID() });

const session = (userId: string | null): PreferenceActor => ({ via: "session", userId });

const ledger = (userId: string) =>
  db().consentEvent.findMany({
    where: { subjectId: userId },
    orderBy: { id: "asc" },
    select: { purpose: true, action: true, scope: true, detail: true, source: true, channel: true, textSha256: true },
  });

const pausedAt = async (userId: string) => (await db().emailPreference.findUnique({ where: { userId }, select: { pausedAt: true } }))?.pausedAt ?? null;

describe("setEmailPaused", () => {
  it("pausing is one ALERT_EMAIL withdrawal, resuming one grant, with the texts shown; repeats record nothing", async () => {
    const member = await createTestMember();
    expect(await setPaused(session(member.id), false)).toEqual({ paused: false, changed: false });
    expect(await setPaused(session(member.id), true)).toEqual({ paused: true, changed: true });
    expect(await pausedAt(member.id)).toBeInstanceOf(Date);
    expect(await setPaused(session(member.id), true)).toEqual({ paused: true, changed: false });
    expect(await setPaused(session(member.id), false)).toEqual({ paused: false, changed: true });
    expect(await pausedAt(member.id)).toBeNull();

    const text = (action: "GRANTED" | "WITHDRAWN") => sha256Hex(getConsentText("ALERT_EMAIL", action, "en").body);
    expect(await ledger(member.id)).toEqual([
      { purpose: "ALERT_EMAIL", action: "WITHDRAWN", scope: null, detail: "paused=on", source: "PREFERENCE_CENTER", channel: "WEB", textSha256: text("WITHDRAWN") },
      { purpose: "ALERT_EMAIL", action: "GRANTED", scope: null, detail: "paused=off", source: "PREFERENCE_CENTER", channel: "WEB", textSha256: text("GRANTED") },
    ]);
  });

  it("an e-mail link pauses (ledgered as such) but cannot resume; nothing is written when refused", async () => {
    const member = await createTestMember();
    const link: PreferenceActor = { via: "emailLink", userId: member.id };
    await setPaused(link, true);
    await expect(setPaused(link, false)).rejects.toSatisfy((error) => isAppError(error, "FORBIDDEN") && error.details.reason === "RAISE_NEEDS_SIGN_IN");
    expect(await pausedAt(member.id)).toBeInstanceOf(Date);
    expect(await ledger(member.id)).toEqual([expect.objectContaining({ action: "WITHDRAWN", source: "EMAIL_PREFERENCE_LINK", channel: "EMAIL" })]);
  });

  it("signed-out people are refused; a non-member may pause but not resume", async () => {
    await expect(setPaused(session(null), true)).rejects.toSatisfy((error) => isAppError(error, "SIGN_IN_REQUIRED"));
    const outsider = await db().user.create({ data: { email: `outsider-${randomUUID()}@example.test` }, select: { id: true } });
    await setPaused(session(outsider.id), true);
    await expect(setPaused(session(outsider.id), false)).rejects.toSatisfy((error) => isAppError(error, "MEMBERSHIP_REQUIRED"));
    expect(await pausedAt(outsider.id)).toBeInstanceOf(Date);
    expect((await ledger(outsider.id)).map((row) => row.action)).toEqual(["WITHDRAWN"]);
  });

  it("refuses an outdated text and leaves e-mail running", async () => {
    const member = await createTestMember();
    await expect(
      setEmailPaused({ actor: session(member.id), paused: true, source: "PREFERENCE_CENTER", locale: "fr", requestId: randomUUID(), textVersions: { WITHDRAWN: 999 } }),
    ).rejects.toSatisfy((error) => isAppError(error, "CONSENT_TEXT_OUTDATED"));
    expect(await pausedAt(member.id)).toBeNull();
    expect(await ledger(member.id)).toEqual([]);
  });
});
