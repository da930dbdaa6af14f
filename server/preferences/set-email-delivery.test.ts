import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors/app-error";
import { createTestMember } from "@/test/fixtures/discussion-threads";
import type { PreferenceActor } from "./preference-actor";
import { setEmailDelivery, type SetEmailDeliveryInput } from "./set-email-delivery";
import { setEmailPaused } from "./set-email-paused";

afterAll(async () => {
  await db().$disconnect();
});

const session = (userId: string | null): PreferenceActor => ({ via: "session", userId });

const weekly = (actor: PreferenceActor, overrides: Partial<SetEmailDeliveryInput> = {}) =>
  setEmailDelivery({ actor, frequency: "WEEKLY", digestHour: 18, digestWeekday: 5, timeZone: "America/Toronto", ...overrides });

const invalid = (field: string) => (error: unknown) => isAppError(error, "INVALID_INPUT") && error.details.field === field;

describe("setEmailDelivery", () => {
  it("stores frequency, hour, weekday and time zone, keeps the pause, and is not a consent event", async () => {
    const member = await createTestMember();
    expect(await weekly(session(member.id))).toEqual({ frequency: "WEEKLY", digestHour: 18, digestWeekday: 5, timeZone: "America/Toronto", paused: false });
    await setEmailPaused({ actor: session(member.id), paused: true, source: "PREFERENCE_CENTER", locale: "en", requestId: randomUUID() });
    expect(await weekly(session(member.id), { frequency: "DAILY", digestHour: 0, timeZone: "europe/paris" })).toEqual({
      frequency: "DAILY",
      digestHour: 0,
      digestWeekday: 5,
      timeZone: "Europe/Paris",
      paused: true,
    });
    // An alias is stored under its canonical IANA name, the one Intl.supportedValuesOf lists.
    expect((await weekly(session(member.id), { timeZone: "America/Montreal" })).timeZone).toBe("America/Toronto");
    expect((await db().consentEvent.findMany({ where: { subjectId: member.id }, select: { purpose: true } })).map((row) => row.purpose)).toEqual(["ALERT_EMAIL"]);
  });

  it("refuses out-of-range values and unknown zones, writing nothing", async () => {
    const member = await createTestMember();
    await expect(weekly(session(member.id), { frequency: "HOURLY" as never })).rejects.toSatisfy(invalid("frequency"));
    await expect(weekly(session(member.id), { digestHour: 24 })).rejects.toSatisfy(invalid("digestHour"));
    await expect(weekly(session(member.id), { digestHour: 7.5 })).rejects.toSatisfy(invalid("digestHour"));
    await expect(weekly(session(member.id), { digestWeekday: 0 })).rejects.toSatisfy(invalid("digestWeekday"));
    await expect(weekly(session(member.id), { digestWeekday: 8 })).rejects.toSatisfy(invalid("digestWeekday"));
    for (const timeZone of ["Mars/Olympus_Mons", "+01:00", "", "Europe/Paris; DROP TABLE"]) {
      await expect(weekly(session(member.id), { timeZone })).rejects.toSatisfy(invalid("timeZone"));
    }
    expect(await db().emailPreference.count({ where: { userId: member.id } })).toBe(0);
  });

  it("needs the member's own session: signed out and e-mail links are refused", async () => {
    const member = await createTestMember();
    await expect(weekly(session(null))).rejects.toSatisfy((error) => isAppError(error, "SIGN_IN_REQUIRED"));
    await expect(weekly({ via: "emailLink", userId: member.id })).rejects.toSatisfy((error) => isAppError(error, "FORBIDDEN") && error.details.reason === "NEEDS_SIGN_IN");
    expect(await db().emailPreference.count({ where: { userId: member.id } })).toBe(0);
  });
});
