import { describe, expect, it } from "vitest";
import * as prismaEnums from "@/server/db/generated/prisma/enums";
import { LOCALES } from "@/lib/i18n/locales";
import { CONSENT_TEXTS, getConsentText, hasConsentText } from "./consent-texts";
import { CONSENT_ACTIONS, CONSENT_CHANNELS, CONSENT_PURPOSES, CONSENT_SOURCES } from "./consent-vocabulary";
import { sha256Hex } from "./sha256-hex";

/**
 * Every wording ever released, by purpose/action/version/locale. A failing entry means a text
 * was edited without bumping its version: bump the version in consent-texts.ts and ADD the new
 * fingerprint here (never change an existing line; stored ledger rows point at that wording).
 */
const RELEASED_FINGERPRINTS: Record<string, string> = {
  "COMMUNITY_MEMBERSHIP/GRANTED/v1/en": "254950c50ad26129faa9e6b08226ad1d5a82a333c9b8f2a9212756a44b91084f",
  "COMMUNITY_MEMBERSHIP/GRANTED/v1/fr": "30abee22c71c90e588f0794a225d3c1c2c4fb0cb2d9dfe5f75d136cbd6221b11",
  "COMMUNITY_MEMBERSHIP/WITHDRAWN/v1/en": "36fd6e304ea9a49974dbb837c8e50e09cf8fa149ed4c31670e09eb1dd849fe64",
  "COMMUNITY_MEMBERSHIP/WITHDRAWN/v1/fr": "f7863861f6a005eb5587c7bd518a63f9adaa561374306638388074b9ba175c5a",
  "COMMUNITY_MEMBERSHIP/WITHDRAWN/v2/en": "a15e770cc2953b769df05b4420f6dca145ff29f133ce8d2fb3233037382fad61",
  "COMMUNITY_MEMBERSHIP/WITHDRAWN/v2/fr": "197a37bec4cd591074b7174ca16e63689f26d82281ec33b120d0fc548accab23",
  "OWNER_BADGE/GRANTED/v1/en": "ef3fa1f06b116354faa87a93c9054c8480c510025551260e169f665248e9de21",
  "OWNER_BADGE/GRANTED/v1/fr": "3b68188799c5c8c17590e4853980e0c33947b45cd126b4d168f709a3e963da8c",
  "OWNER_BADGE/WITHDRAWN/v1/en": "514d8c1fe7009662fcab8e9f6d73f13a3cb2cb52150252b5c4d006d228fe89a8",
  "OWNER_BADGE/WITHDRAWN/v1/fr": "55efd3a2825cbc768204f09bcfdbaa77b8fc484ef2673562e8eca6fa2735a7c3",
  "ALERT_EMAIL/GRANTED/v1/en": "885dd042bfe3d85367497e51338e208d11404d041dbefd56d778939f851f2881",
  "ALERT_EMAIL/GRANTED/v1/fr": "16cbdfc389f9d493485c42a4ecb0c6b1fd77707a5e1c45ca5d3c31cf7334d56a",
  "ALERT_EMAIL/WITHDRAWN/v1/en": "864e08015ce68576e7622cf8fcb8eebada70b8b893d690347f0ea9f5f8eaa914",
  "ALERT_EMAIL/WITHDRAWN/v1/fr": "81f82d5d792f844df78b27f669fced270fa1525fe607d18ef2d309cab96d9211",
  "CATEGORY_ALERTS/GRANTED/v1/en": "c9d85df46f4abca18b6d76c8434d6470c3b4ed971eaac37493198a758e010399",
  "CATEGORY_ALERTS/GRANTED/v1/fr": "d0c4e2d258922ae649a78afc9e1254a26eb0e861cd434a2e12f58e677f8830ce",
  "CATEGORY_ALERTS/WITHDRAWN/v1/en": "8ba52ae521d8104b50ab5231b2e9334316a7f5bc89784c986c88da641145f3ff",
  "CATEGORY_ALERTS/WITHDRAWN/v1/fr": "e1c42d1b6ef46dfaa06dcfc906c29f7754dc2c3150a4f83706baa1cacb03a3db",
  "PERSONAL_NOTIFICATIONS/GRANTED/v1/en": "1fa89265820b2a0f2e5657f44c5bdbf1c589255afdeca417cc63464c9fb26322",
  "PERSONAL_NOTIFICATIONS/GRANTED/v1/fr": "b183f034f21797969791b6bb0091e7df1b2e69fc08438495050e218c51c03f66",
  "PERSONAL_NOTIFICATIONS/WITHDRAWN/v1/en": "cec9b3f354f122ca6532be34d1e671e8341807fce491446de5b09642940dced2",
  "PERSONAL_NOTIFICATIONS/WITHDRAWN/v1/fr": "5118b80933b44900ea720b84a1b99d5c440db49e99e7d0eeda7690ebeb21f0e6",
  "PRODUCT_ALERTS/GRANTED/v1/en": "12cc5410283f8faa08ed7b25f27d720bd8c6495dc2eea57c1b0da05eec566442",
  "PRODUCT_ALERTS/GRANTED/v1/fr": "723a0b64620913adb879ecf4769259b38bd828ae89534ceeee509263e7a98022",
  "PRODUCT_ALERTS/WITHDRAWN/v1/en": "32d6957b9ebdd4a27358dcf52f9681344d5c1b0d6ec146877920375d3ab3cc1b",
  "PRODUCT_ALERTS/WITHDRAWN/v1/fr": "7af3f557140a4dec138834269d83a58291f6a33a433da3397f4615257166c0f0",
  "THREAD_ALERTS/GRANTED/v1/en": "b3e92487088a15b77b098424fa3dc4838e78782b2238b1078b948ddc234af2ac",
  "THREAD_ALERTS/GRANTED/v1/fr": "8a86e8909a2a87f230dc643ea3d5625b4bbd03b1727aa83f635d79df017e3130",
  "THREAD_ALERTS/WITHDRAWN/v1/en": "419e74bf25024e5b0661b6729e8a3a7f548e299229b1939cc78e166e2aa411ad",
  "THREAD_ALERTS/WITHDRAWN/v1/fr": "1e39d80c5b9a3a962dda1b5d00dc4e7cccaedbecff110467bc26fd7eeb1defc3",
};

const entries = Object.entries(CONSENT_TEXTS).flatMap(([purpose, byAction]) =>
  Object.entries(byAction).map(([action, entry]) => ({ purpose, action, entry })),
);

describe("consent text catalog", () => {
  it("has wording for every purpose the join, account and leave controls use", () => {
    for (const purpose of ["COMMUNITY_MEMBERSHIP", "OWNER_BADGE"] as const) {
      expect(hasConsentText(purpose)).toBe(true);
      for (const action of CONSENT_ACTIONS) {
        for (const locale of LOCALES) expect(getConsentText(purpose, action, locale).body.length, `${purpose}/${action}/${locale}`).toBeGreaterThan(40);
      }
    }
    expect(hasConsentText("DIGEST")).toBe(false);
  });

  it.each(entries)("$purpose/$action has a positive integer version and a distinct text in each language", ({ entry }) => {
    expect(Number.isInteger(entry.version) && entry.version > 0).toBe(true);
    expect(Object.keys(entry.body).sort()).toEqual([...LOCALES].sort());
    const bodies = LOCALES.map((locale) => entry.body[locale]);
    expect(new Set(bodies).size).toBe(LOCALES.length);
    for (const body of bodies) expect(body).toBe(body.trim());
  });

  it("grant texts say the choice can be withdrawn at any time and sends no e-mail, in both languages", () => {
    for (const purpose of ["COMMUNITY_MEMBERSHIP", "OWNER_BADGE"] as const) {
      expect(CONSENT_TEXTS[purpose].GRANTED.body.en).toMatch(/at any time/);
      expect(CONSENT_TEXTS[purpose].GRANTED.body.en).toMatch(/no e-mail/);
      expect(CONSENT_TEXTS[purpose].GRANTED.body.fr).toMatch(/à tout moment/);
      expect(CONSENT_TEXTS[purpose].GRANTED.body.fr).toMatch(/aucun e-mail/);
    }
  });

  it.each(entries.flatMap(({ purpose, action, entry }) => LOCALES.map((locale) => ({ key: `${purpose}/${action}/v${entry.version}/${locale}`, body: entry.body[locale] }))))(
    "$key matches its released fingerprint (edited wording needs a new version)",
    ({ key, body }) => {
      expect(RELEASED_FINGERPRINTS[key], `no released fingerprint for ${key}: add sha256 ${sha256Hex(body)}`).toBeDefined();
      expect(sha256Hex(body)).toBe(RELEASED_FINGERPRINTS[key]);
    },
  );

  it("sha256Hex hashes the UTF-8 bytes", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    // UTF-8 (c3 a9), not Latin-1 (e9): the same text hashes the same from any client.
    expect(sha256Hex("é")).toBe("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
  });
});

describe("consent vocabulary", () => {
  it("matches the database enums", () => {
    expect([...CONSENT_PURPOSES].sort()).toEqual(Object.values(prismaEnums.ConsentPurpose).sort());
    expect([...CONSENT_ACTIONS].sort()).toEqual(Object.values(prismaEnums.ConsentAction).sort());
    expect([...CONSENT_SOURCES].sort()).toEqual(Object.values(prismaEnums.ConsentSource).sort());
    expect([...CONSENT_CHANNELS].sort()).toEqual(Object.values(prismaEnums.ConsentChannel).sort());
  });
});
