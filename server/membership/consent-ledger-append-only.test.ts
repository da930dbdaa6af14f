import { randomBytes, randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrlFor, dropDatabase, ensureDatabase } from "@/scripts/database/ensure-database";
import { applyMigrations } from "@/scripts/database/migrations/apply-migrations";
import { PrismaClient } from "@/server/db/generated/prisma/client";
import { recordConsentEvent } from "./record-consent-event";

// Its own database, so a TRUNCATE that wrongly succeeded could not wipe other files' rows.
const url = databaseUrlFor(process.env.ENTRAIDE_TEST_SERVER_URL ?? process.env.DATABASE_URL!, `entraide_append_${randomBytes(4).toString("hex")}`);
let client: PrismaClient;
let eventId: bigint;
let textId: string;
let snapshot: unknown;

const readLedger = () =>
  Promise.all([
    client.consentEvent.findMany({ orderBy: { id: "asc" } }),
    client.consentText.findMany({ orderBy: { id: "asc" } }),
  ]);

beforeAll(async () => {
  await ensureDatabase(url);
  await applyMigrations(url);
  client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  const user = await client.user.create({ data: { email: `append-${randomBytes(6).toString("hex")}@example.test` }, select: { id: true } });
  const recorded = await client.$transaction((tx) =>
    recordConsentEvent(tx, { subjectId: user.id, purpose: "COMMUNITY_MEMBERSHIP", action: "GRANTED", locale: "en", source: "JOIN_PAGE", channel: "WEB", requestId: randomUUID() }),
  );
  eventId = recorded.id;
  textId = (await client.consentEvent.findUniqueOrThrow({ where: { id: eventId }, select: { consentTextId: true } })).consentTextId;
  snapshot = await readLedger();
});

afterAll(async () => {
  await client?.$disconnect();
  await dropDatabase(url);
});

// Raw SQL through the application's own connection: no ORM layer between the statement and
// the database, so only the database's own triggers can refuse it.
describe("the consent ledger is append-only at the database", () => {
  it.each([
    ["UPDATE a ledger row", () => client.$executeRawUnsafe(`UPDATE "ConsentEvent" SET "action" = 'WITHDRAWN' WHERE "id" = $1`, eventId)],
    ["UPDATE every ledger row", () => client.$executeRawUnsafe(`UPDATE "ConsentEvent" SET "requestId" = 'rewritten'`)],
    ["DELETE a ledger row", () => client.$executeRawUnsafe(`DELETE FROM "ConsentEvent" WHERE "id" = $1`, eventId)],
    ["TRUNCATE the ledger", () => client.$executeRawUnsafe(`TRUNCATE "ConsentEvent"`)],
    ["UPDATE a consent text", () => client.$executeRawUnsafe(`UPDATE "ConsentText" SET "body" = 'I agree to anything' WHERE "id" = $1`, textId)],
    ["DELETE a consent text", () => client.$executeRawUnsafe(`DELETE FROM "ConsentText" WHERE "id" = $1`, textId)],
    // Both tables at once, so the foreign key cannot be what refuses it: the trigger must.
    ["TRUNCATE texts and ledger together", () => client.$executeRawUnsafe(`TRUNCATE "ConsentText", "ConsentEvent"`)],
    ["TRUNCATE … CASCADE", () => client.$executeRawUnsafe(`TRUNCATE "ConsentText" CASCADE`)],
  ])("refuses %s", async (_label, statement) => {
    await expect(statement()).rejects.toThrow(/append-only/);
    expect(await readLedger()).toEqual(snapshot);
  });

  it("refuses changes through the ORM too", async () => {
    await expect(client.consentEvent.update({ where: { id: eventId }, data: { reason: "edited" } })).rejects.toThrow(/append-only/);
    await expect(client.consentEvent.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(client.consentText.update({ where: { id: textId }, data: { body: "edited" } })).rejects.toThrow(/append-only/);
    expect(await readLedger()).toEqual(snapshot);
  });

  it("refuses deleting a person who has ledger rows (the rows keep the pseudonymous id)", async () => {
    const { subjectId } = await client.consentEvent.findUniqueOrThrow({ where: { id: eventId }, select: { subjectId: true } });
    await expect(client.$executeRawUnsafe(`DELETE FROM "User" WHERE "id" = $1`, subjectId)).rejects.toThrow();
    expect(await readLedger()).toEqual(snapshot);
  });
});
