import { randomBytes, randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { databaseUrlFor, dropDatabase, ensureDatabase } from "@/scripts/database/ensure-database";
import { applyMigrations } from "@/scripts/database/migrations/apply-migrations";
import { db } from "@/server/db/client";
import { PrismaClient } from "@/server/db/generated/prisma/client";
import { isAppError } from "@/server/errors/app-error";
import { getConsentText } from "@/lib/consent/consent-texts";
import { sha256Hex } from "@/lib/consent/sha256-hex";
import { ConsentTextVersionConflictError, recordConsentEvent } from "./record-consent-event";

const createUser = () =>
  db().user.create({ data: { email: `ledger-${randomBytes(6).toString("hex")}@example.test` }, select: { id: true } });

afterAll(async () => {
  await db().$disconnect();
});

describe("recordConsentEvent", () => {
  it("appends a row with the current text's version and hash, storing each text once", async () => {
    const user = await createUser();
    const requestId = randomUUID();
    const text = getConsentText("OWNER_BADGE", "GRANTED", "fr");

    const first = await db().$transaction((tx) =>
      recordConsentEvent(tx, { subjectId: user.id, purpose: "OWNER_BADGE", action: "GRANTED", locale: "fr", source: "ACCOUNT_PAGE", channel: "WEB", requestId, textVersion: text.version }),
    );
    await db().$transaction((tx) =>
      recordConsentEvent(tx, { subjectId: user.id, purpose: "OWNER_BADGE", action: "GRANTED", locale: "fr", source: "ACCOUNT_PAGE", channel: "WEB", requestId }),
    );

    expect(first).toEqual({ id: expect.any(BigInt), textVersion: text.version, textSha256: sha256Hex(text.body) });
    const stored = await db().consentText.findMany({
      where: { purpose: "OWNER_BADGE", action: "GRANTED", version: text.version, locale: "fr" },
      select: { body: true, sha256: true },
    });
    expect(stored).toEqual([{ body: text.body, sha256: sha256Hex(text.body) }]);

    const rows = await db().consentEvent.findMany({
      where: { subjectId: user.id },
      orderBy: { id: "asc" },
      select: { purpose: true, action: true, scope: true, textVersion: true, textSha256: true, locale: true, source: true, channel: true, requestId: true, actorId: true, reason: true, consentText: { select: { body: true } } },
    });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      purpose: "OWNER_BADGE",
      action: "GRANTED",
      scope: null,
      textVersion: text.version,
      textSha256: sha256Hex(text.body),
      locale: "fr",
      source: "ACCOUNT_PAGE",
      channel: "WEB",
      requestId,
      actorId: null,
      reason: null,
      consentText: { body: text.body },
    });
  });

  it("records who acted and why when it is not the subject", async () => {
    const [subject, moderator] = [await createUser(), await createUser()];
    await db().$transaction((tx) =>
      recordConsentEvent(tx, {
        subjectId: subject.id,
        purpose: "COMMUNITY_MEMBERSHIP",
        action: "WITHDRAWN",
        locale: "en",
        source: "MODERATOR_ON_REQUEST",
        channel: "EMAIL",
        requestId: randomUUID(),
        actorId: moderator.id,
        reason: "Asked by e-mail on 3 March",
      }),
    );
    const row = await db().consentEvent.findFirstOrThrow({ where: { subjectId: subject.id }, select: { actorId: true, reason: true, source: true, channel: true } });
    expect(row).toEqual({ actorId: moderator.id, reason: "Asked by e-mail on 3 March", source: "MODERATOR_ON_REQUEST", channel: "EMAIL" });
  });

  it("refuses a text version other than the current one, and records nothing", async () => {
    const user = await createUser();
    const current = getConsentText("COMMUNITY_MEMBERSHIP", "GRANTED", "en").version;
    const attempt = db().$transaction((tx) =>
      recordConsentEvent(tx, { subjectId: user.id, purpose: "COMMUNITY_MEMBERSHIP", action: "GRANTED", locale: "en", source: "JOIN_PAGE", channel: "WEB", requestId: randomUUID(), textVersion: current + 1 }),
    );
    await expect(attempt).rejects.toSatisfy((error) => isAppError(error, "CONSENT_TEXT_OUTDATED"));
    expect(await db().consentEvent.count({ where: { subjectId: user.id } })).toBe(0);
  });
});

describe("recordConsentEvent with wording edited in place", () => {
  // Its own database: the conflicting text row it plants can never be removed (append-only).
  const url = databaseUrlFor(process.env.ENTRAIDE_TEST_SERVER_URL ?? process.env.DATABASE_URL!, `entraide_ledger_${randomBytes(4).toString("hex")}`);
  let client: PrismaClient | undefined;

  afterAll(async () => {
    await client?.$disconnect();
    await dropDatabase(url);
  });

  it("throws when the stored text of the same version has another hash", async () => {
    await ensureDatabase(url);
    await applyMigrations(url);
    client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    const { version } = getConsentText("COMMUNITY_MEMBERSHIP", "GRANTED", "en");
    const oldWording = "I agree to whatever.";
    await client.consentText.create({ data: { purpose: "COMMUNITY_MEMBERSHIP", action: "GRANTED", version, locale: "en", body: oldWording, sha256: sha256Hex(oldWording) } });
    const user = await client.user.create({ data: { email: `ledger-${randomBytes(6).toString("hex")}@example.test` }, select: { id: true } });

    const attempt = client.$transaction((tx) =>
      recordConsentEvent(tx, { subjectId: user.id, purpose: "COMMUNITY_MEMBERSHIP", action: "GRANTED", locale: "en", source: "JOIN_PAGE", channel: "WEB", requestId: randomUUID(), textVersion: version }),
    );
    await expect(attempt).rejects.toBeInstanceOf(ConsentTextVersionConflictError);
    expect(await client.consentEvent.count()).toBe(0);
  });
});
