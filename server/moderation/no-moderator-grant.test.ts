/**
 * A moderator cannot record a consent grant (issue 7, "Done when"). Two proofs:
 * 1. the only moderation function that writes the ledger, recordRequestedWithdrawal, only ever
 *    writes WITHDRAWN rows, whatever it is asked, and no GRANTED row anywhere names an actor;
 * 2. statically, nothing reachable from the dashboard's server actions (app/moderation/**\/actions.ts)
 *    or from server/moderation imports a function that can grant.
 */
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { createTestCategory, createTestProduct } from "@/test/fixtures/catalog";
import { createTestMember } from "@/test/fixtures/discussion-threads";
import { createWriter } from "@/test/fixtures/discussion-writers";
import { recordRequestedWithdrawal, type RequestedWithdrawal } from "@/server/preferences/record-requested-withdrawal";
import { setAlertSubscription } from "@/server/preferences/set-alert-subscription";
import { setPersonalEventChannel } from "@/server/preferences/set-personal-event-channel";

const root = path.resolve(__dirname, "../..");

/** Modules that can write a GRANTED ledger row (directly or by raising a preference). */
const GRANTING_MODULES = [
  "server/membership/join-community.ts",
  "server/membership/set-owner-badge.ts",
  "server/membership/record-consent-event.ts",
  "server/membership/record-consent-events.ts",
  "server/preferences/set-alert-subscription.ts",
  "server/preferences/set-personal-event-channel.ts",
  "server/preferences/set-email-delivery.ts",
  "server/preferences/set-email-paused.ts",
  "server/notifications/undo-unsubscribe-from-list.ts",
];
/** Reached only through recordRequestedWithdrawal, which hard-codes action WITHDRAWN (proven below). */
const WITHDRAWAL_ONLY_GATEWAYS = ["server/preferences/record-requested-withdrawal.ts"];

function listFiles(dir: string, match: (file: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, match) : match(full) ? [full] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(root, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

/** Every project file reachable by imports from `entry` (stopping at the withdrawal-only gateway). */
function reachable(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  if (WITHDRAWAL_ONLY_GATEWAYS.includes(path.relative(root, entry))) return seen;
  const source = readFileSync(entry, "utf8");
  for (const match of source.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
    const target = resolveImport(entry, match[1]!);
    if (target && !target.includes(`${path.sep}generated${path.sep}`)) reachable(target, seen);
  }
  return seen;
}

describe("a moderator cannot record a consent grant", () => {
  it("recordRequestedWithdrawal writes only WITHDRAWN rows for every kind of request", async () => {
    const [moderator, admin, member] = await Promise.all([createWriter({ role: "MODERATOR" }), createWriter({ role: "ADMIN" }), createTestMember()]);
    const product = await createTestProduct((await createTestCategory()).id, "Grant check");
    const own = { actor: { via: "session" as const, userId: member.id }, source: "PREFERENCE_CENTER" as const, locale: "en" as const };
    await setAlertSubscription({ ...own, target: { type: "product", id: product.id }, change: { level: "EVERYTHING", email: true }, requestId: randomUUID() });
    await setPersonalEventChannel({ ...own, event: "MENTION", channel: "email", on: true, requestId: randomUUID() });
    const subscription = await db().alertSubscription.findFirstOrThrow({ where: { userId: member.id }, select: { id: true } });

    const requests: [string, RequestedWithdrawal][] = [
      [moderator.id, { kind: "personalEmail", event: "MENTION" }],
      [admin.id, { kind: "allEmail" }],
      [moderator.id, { kind: "subscription", subscriptionId: subscription.id }],
      // Grant-shaped input is refused before anything is written.
      [moderator.id, { kind: "grant" } as unknown as RequestedWithdrawal],
    ];
    for (const [moderatorId, what] of requests) {
      await recordRequestedWithdrawal({ moderatorId, memberId: member.id, what, reason: "Asked by e-mail", requestId: randomUUID() }).catch(() => undefined);
    }
    const written = await db().consentEvent.groupBy({ by: ["action"], where: { subjectId: member.id, source: "MODERATOR_ON_REQUEST" }, _count: true });
    expect(written.map((row) => row.action)).toEqual(["WITHDRAWN"]);
    expect(written[0]!._count).toBeGreaterThanOrEqual(3);
    // Nowhere in the ledger does a GRANTED row carry someone else's name as its actor.
    expect(await db().consentEvent.count({ where: { action: "GRANTED", OR: [{ actorId: { not: null } }, { source: "MODERATOR_ON_REQUEST" }] } })).toBe(0);
  });

  it("no dashboard action and no moderation function can reach a granting function", () => {
    const entries = [
      ...listFiles(path.join(root, "app/moderation"), (file) => /actions\.tsx?$/.test(file) || /route\.ts$/.test(file)),
      ...listFiles(path.join(root, "server/moderation"), (file) => file.endsWith(".ts") && !file.endsWith(".test.ts")),
    ];
    expect(entries.length).toBeGreaterThan(0);
    const offenders = entries.flatMap((entry) =>
      [...reachable(entry)].filter((file) => GRANTING_MODULES.includes(path.relative(root, file))).map((file) => `${path.relative(root, entry)} → ${path.relative(root, file)}`),
    );
    expect(offenders).toEqual([]);
  });
});
