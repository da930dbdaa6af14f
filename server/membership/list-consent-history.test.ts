import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { getConsentText } from "@/lib/consent/consent-texts";
import { sha256Hex } from "@/lib/consent/sha256-hex";
import { CONSENT_HISTORY_PAGE_SIZE, listConsentHistory } from "./list-consent-history";
import { recordConsentEvent } from "./record-consent-event";

const createUser = () =>
  db().user.create({ data: { email: `history-${randomBytes(6).toString("hex")}@example.test` }, select: { id: true } });

afterAll(async () => {
  await db().$disconnect();
});

describe("listConsentHistory", () => {
  it("lists only the person's rows, newest first, with the exact text shown in that row's language", async () => {
    const [person, someoneElse, moderator] = [await createUser(), await createUser(), await createUser()];
    const base = { channel: "WEB", requestId: randomUUID() } as const;
    await db().$transaction(async (tx) => {
      await recordConsentEvent(tx, { ...base, subjectId: person.id, purpose: "COMMUNITY_MEMBERSHIP", action: "GRANTED", locale: "fr", source: "INVITATION_PAGE" });
      await recordConsentEvent(tx, { ...base, subjectId: someoneElse.id, purpose: "COMMUNITY_MEMBERSHIP", action: "GRANTED", locale: "en", source: "JOIN_PAGE" });
    });
    await db().$transaction((tx) =>
      recordConsentEvent(tx, { ...base, subjectId: person.id, purpose: "COMMUNITY_MEMBERSHIP", action: "WITHDRAWN", locale: "en", source: "MODERATOR_ON_REQUEST", channel: "EMAIL", actorId: moderator.id, reason: "Asked by e-mail" }),
    );

    const history = await listConsentHistory(person.id, 1);
    expect(history).toMatchObject({ page: 1, total: 2, pageCount: 1 });
    const withdrawnText = getConsentText("COMMUNITY_MEMBERSHIP", "WITHDRAWN", "en");
    const grantedText = getConsentText("COMMUNITY_MEMBERSHIP", "GRANTED", "fr");
    expect(history.items.map(({ id: _id, occurredAt: _at, ...entry }) => entry)).toEqual([
      { purpose: "COMMUNITY_MEMBERSHIP", action: "WITHDRAWN", scope: null, source: "MODERATOR_ON_REQUEST", channel: "EMAIL", locale: "en", textVersion: withdrawnText.version, textSha256: sha256Hex(withdrawnText.body), textBody: withdrawnText.body, recordedByOther: true, reason: "Asked by e-mail", detail: null },
      { purpose: "COMMUNITY_MEMBERSHIP", action: "GRANTED", scope: null, source: "INVITATION_PAGE", channel: "WEB", locale: "fr", textVersion: grantedText.version, textSha256: sha256Hex(grantedText.body), textBody: grantedText.body, recordedByOther: false, reason: null, detail: null },
    ]);
  });

  it("pages through long histories, keeping rows written in one transaction in order", async () => {
    const person = await createUser();
    const rowCount = CONSENT_HISTORY_PAGE_SIZE + 3;
    await db().$transaction(async (tx) => {
      for (let index = 0; index < rowCount; index += 1) {
        await recordConsentEvent(tx, { subjectId: person.id, purpose: "OWNER_BADGE", action: index % 2 === 0 ? "GRANTED" : "WITHDRAWN", locale: "en", source: "ACCOUNT_PAGE", channel: "WEB", requestId: `req-${index}` });
      }
    });
    const first = await listConsentHistory(person.id, 1);
    const second = await listConsentHistory(person.id, 2);
    expect(first).toMatchObject({ total: rowCount, pageCount: 2 });
    expect(first.items).toHaveLength(CONSENT_HISTORY_PAGE_SIZE);
    expect(second.items).toHaveLength(3);
    // Same timestamp for all (one transaction): the id keeps the newest, the last written, first.
    const ids = [...first.items, ...second.items].map((entry) => BigInt(entry.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : 1)));
    expect(second.items.at(-1)!.action).toBe("GRANTED");
  });
});
