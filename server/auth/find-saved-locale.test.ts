import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { findSavedLocale } from "./find-saved-locale";

describe("findSavedLocale", () => {
  it("returns the language saved on the account", async () => {
    const email = `saved-${randomUUID()}@example.test`;
    await db().user.create({ data: { email, locale: "fr" } });
    expect(await findSavedLocale(email)).toBe("fr");
  });

  it("returns null for someone who never chose, and for an unknown address", async () => {
    const email = `undecided-${randomUUID()}@example.test`;
    await db().user.create({ data: { email } });
    expect(await findSavedLocale(email)).toBeNull();
    expect(await findSavedLocale(`nobody-${randomUUID()}@example.test`)).toBeNull();
  });
});
