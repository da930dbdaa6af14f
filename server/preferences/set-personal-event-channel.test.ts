import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors/app-error";
import { getConsentText } from "@/lib/consent/consent-texts";
import { sha256Hex } from "@/lib/consent/sha256-hex";
import { PERSONAL_EVENTS, type PersonalEvent } from "@/lib/preferences/alert-vocabulary";
import { createTestMember } from "@/test/fixtures/discussion-threads";
import type { PreferenceActor } from "./preference-actor";
import { setPersonalEventChannel, type PersonalChannel } from "./set-personal-event-channel";

afterAll(async () => {
  await db().$disconnect();
});

const set = (actor: PreferenceActor, event: PersonalEvent, channel: PersonalChannel, on: boolean) =>
  setPersonalEventChannel({ actor, event, channel, on, source: "PREFERENCE_CENTER", locale: "en", requestId: randomUUID() });

const session = (userId: string | null): PreferenceActor => ({ via: "session", userId });

const ledger = (userId: string) =>
  db().consentEvent.findMany({
    where: { subjectId: userId },
    orderBy: { id: "asc" },
    select: { purpose: true, action: true, scope: true, detail: true, source: true, channel: true, textSha256: true },
  });

const stored = (userId: string) => db().personalEventPreference.findMany({ where: { userId }, orderBy: { event: "asc" }, select: { event: true, inApp: true, email: true } });

const refusedBecause = (reason: string) => (error: unknown) => isAppError(error, "FORBIDDEN") && error.details.reason === reason;

describe("setPersonalEventChannel", () => {
  it("a new member has every e-mail switch off and in-app on", async () => {
    const member = await createTestMember();
    for (const event of PERSONAL_EVENTS) {
      expect(await set(session(member.id), event, "email", false)).toEqual({ inApp: true, email: false, changed: false });
      expect(await set(session(member.id), event, "inApp", true)).toEqual({ inApp: true, email: false, changed: false });
    }
    expect(await stored(member.id)).toEqual([]);
    expect(await db().alertSubscription.count({ where: { userId: member.id } })).toBe(0);
    expect(await db().emailPreference.count({ where: { userId: member.id } })).toBe(0);
    expect(await ledger(member.id)).toEqual([]);
  });

  it("turning e-mail on is one grant scoped to the event, off one withdrawal; back to the defaults stores nothing", async () => {
    const member = await createTestMember();
    expect(await set(session(member.id), "MENTION", "email", true)).toEqual({ inApp: true, email: true, changed: true });
    expect(await stored(member.id)).toEqual([{ event: "MENTION", inApp: true, email: true }]);
    expect((await set(session(member.id), "MENTION", "email", true)).changed).toBe(false);
    expect(await set(session(member.id), "MENTION", "email", false)).toEqual({ inApp: true, email: false, changed: true });
    expect(await stored(member.id)).toEqual([]);

    const text = (action: "GRANTED" | "WITHDRAWN") => sha256Hex(getConsentText("PERSONAL_NOTIFICATIONS", action, "en").body);
    expect(await ledger(member.id)).toEqual([
      { purpose: "PERSONAL_NOTIFICATIONS", action: "GRANTED", scope: "MENTION", detail: "inApp=on email=on", source: "PREFERENCE_CENTER", channel: "WEB", textSha256: text("GRANTED") },
      { purpose: "PERSONAL_NOTIFICATIONS", action: "WITHDRAWN", scope: "MENTION", detail: "inApp=on email=off", source: "PREFERENCE_CENTER", channel: "WEB", textSha256: text("WITHDRAWN") },
    ]);
  });

  it("in-app off is a withdrawal and is stored; on again is a grant", async () => {
    const member = await createTestMember();
    await set(session(member.id), "REPLY_TO_MY_POST", "inApp", false);
    expect(await stored(member.id)).toEqual([{ event: "REPLY_TO_MY_POST", inApp: false, email: false }]);
    await set(session(member.id), "REPLY_TO_MY_POST", "inApp", true);
    expect(await stored(member.id)).toEqual([]);
    expect((await ledger(member.id)).map((row) => `${row.action} ${row.scope} ${row.detail}`)).toEqual([
      "WITHDRAWN REPLY_TO_MY_POST inApp=off email=off",
      "GRANTED REPLY_TO_MY_POST inApp=on email=off",
    ]);
  });

  it("an e-mail link turns off (ledgered as such) but never on; nothing is written when refused", async () => {
    const member = await createTestMember();
    await set(session(member.id), "ANSWER_ACCEPTED", "email", true);
    const link: PreferenceActor = { via: "emailLink", userId: member.id };
    await expect(set(link, "ANSWER_ACCEPTED", "inApp", true)).resolves.toMatchObject({ changed: false });
    await set(link, "ANSWER_ACCEPTED", "email", false);
    await expect(set(link, "ANSWER_ACCEPTED", "email", true)).rejects.toSatisfy(refusedBecause("RAISE_NEEDS_SIGN_IN"));
    await expect(set(link, "MENTION", "email", true)).rejects.toSatisfy(refusedBecause("RAISE_NEEDS_SIGN_IN"));
    expect(await stored(member.id)).toEqual([]);
    const rows = await ledger(member.id);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ action: "WITHDRAWN", scope: "ANSWER_ACCEPTED", source: "EMAIL_PREFERENCE_LINK", channel: "EMAIL", detail: "inApp=on email=off" });
  });

  it("signed-out people are refused; a non-member may turn off but not on", async () => {
    await expect(set(session(null), "MENTION", "email", false)).rejects.toSatisfy((error) => isAppError(error, "SIGN_IN_REQUIRED"));
    const outsider = await db().user.create({ data: { email: `outsider-${randomUUID()}@example.test` }, select: { id: true } });
    await expect(set(session(outsider.id), "MENTION", "email", true)).rejects.toSatisfy((error) => isAppError(error, "MEMBERSHIP_REQUIRED"));
    expect(await stored(outsider.id)).toEqual([]);
    await expect(set(session(outsider.id), "MODERATOR_MESSAGE", "inApp", false)).resolves.toMatchObject({ inApp: false, changed: true });
    expect((await ledger(outsider.id)).map((row) => row.action)).toEqual(["WITHDRAWN"]);
  });

  it("refuses an unknown event and an outdated text without writing anything", async () => {
    const member = await createTestMember();
    await expect(set(session(member.id), "SOMETHING" as PersonalEvent, "email", true)).rejects.toSatisfy((error) => isAppError(error, "INVALID_INPUT"));
    await expect(
      setPersonalEventChannel({ actor: session(member.id), event: "MENTION", channel: "email", on: true, source: "PREFERENCE_CENTER", locale: "fr", requestId: randomUUID(), textVersions: { GRANTED: 999 } }),
    ).rejects.toSatisfy((error) => isAppError(error, "CONSENT_TEXT_OUTDATED"));
    expect(await stored(member.id)).toEqual([]);
    expect(await ledger(member.id)).toEqual([]);
  });

  it("concurrent switches by one member leave a ledger that replays to the stored state", async () => {
    const member = await createTestMember();
    await Promise.all(Array.from({ length: 10 }, (_, index) => set(session(member.id), "MENTION", "email", index % 2 === 0)));
    const events = await ledger(member.id);
    events.forEach((event, index) => expect(event.action).toBe(index % 2 === 0 ? "GRANTED" : "WITHDRAWN"));
    expect((await stored(member.id)).length).toBe(events.at(-1)?.action === "GRANTED" ? 1 : 0);
  });
});
