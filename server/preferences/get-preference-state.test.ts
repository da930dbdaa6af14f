import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { PERSONAL_EVENTS } from "@/lib/preferences/alert-vocabulary";
import { createTestMember } from "@/test/fixtures/discussion-threads";
import { getEmailPreference } from "./get-email-preference";
import { getPersonalEventPreferences } from "./get-personal-event-preferences";

afterAll(async () => {
  await db().$disconnect();
});

describe("getPersonalEventPreferences", () => {
  it("a new member has every event in-app on and e-mail off", async () => {
    const member = await createTestMember();
    expect(await getPersonalEventPreferences(member.id)).toEqual(PERSONAL_EVENTS.map((event) => ({ event, inApp: true, email: false })));
  });

  it("fills the defaults around what was saved", async () => {
    const member = await createTestMember();
    await db().personalEventPreference.create({ data: { userId: member.id, event: "MENTION", inApp: false, email: true } });
    const state = await getPersonalEventPreferences(member.id);
    expect(state.find((row) => row.event === "MENTION")).toEqual({ event: "MENTION", inApp: false, email: true });
    expect(state.filter((row) => row.email)).toHaveLength(1);
  });
});

describe("getEmailPreference", () => {
  it("is immediately, not paused, unsaved for a new member", async () => {
    const member = await createTestMember();
    expect(await getEmailPreference(member.id)).toEqual({ frequency: "IMMEDIATE", digestHour: 8, digestWeekday: 1, timeZone: "Europe/Paris", paused: false, saved: false });
  });

  it("reads a saved row", async () => {
    const member = await createTestMember();
    await db().emailPreference.create({ data: { userId: member.id, frequency: "WEEKLY", digestHour: 18, digestWeekday: 5, timeZone: "America/Montreal", pausedAt: new Date() } });
    expect(await getEmailPreference(member.id)).toEqual({ frequency: "WEEKLY", digestHour: 18, digestWeekday: 5, timeZone: "America/Montreal", paused: true, saved: true });
  });
});
