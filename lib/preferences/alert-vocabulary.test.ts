import { describe, expect, it } from "vitest";
import * as prismaEnums from "@/server/db/generated/prisma/enums";
import { CONSENT_SOURCES } from "@/lib/consent/consent-vocabulary";
import { ALERT_LEVELS, EMAIL_FREQUENCIES, LEVEL_RANK, LEVELS_FOR_TARGET, PERSONAL_EVENTS, PREFERENCE_SOURCES } from "./alert-vocabulary";

describe("alert vocabulary", () => {
  it("mirrors the database enums", () => {
    expect([...ALERT_LEVELS].sort()).toEqual(Object.values(prismaEnums.AlertLevel).sort());
    expect([...PERSONAL_EVENTS].sort()).toEqual(Object.values(prismaEnums.PersonalEvent).sort());
    expect([...EMAIL_FREQUENCIES].sort()).toEqual(Object.values(prismaEnums.EmailFrequency).sort());
    for (const source of PREFERENCE_SOURCES) expect(CONSENT_SOURCES).toContain(source);
  });

  it("ranks every level distinctly and offers levels from most to least", () => {
    expect(new Set(Object.values(LEVEL_RANK)).size).toBe(ALERT_LEVELS.length);
    for (const levels of Object.values(LEVELS_FOR_TARGET)) {
      expect([...levels].sort((a, b) => LEVEL_RANK[b] - LEVEL_RANK[a])).toEqual(levels);
    }
    expect(LEVELS_FOR_TARGET.thread).not.toContain("NEW_THREADS");
  });
});
