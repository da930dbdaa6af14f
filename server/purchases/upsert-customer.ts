import "server-only";
import { accountSettingsSchema } from "@/lib/auth/account-settings-schema";
import { isLocale, type AppLocale } from "@/lib/i18n/locales";
import type { PurchaseOrder } from "@/lib/purchases/purchase-order-schema";
import { generateRowId } from "@/server/catalog/generate-row-id";
import type { Prisma } from "@/server/db/generated/prisma/client";

export type UpsertedCustomer = { id: string; isMember: boolean; invitationsDeclined: boolean };

/** "fr-CA" → "fr"; a language the site does not offer gives null (the browser's language then applies). */
const supportedLocale = (tag: string | null): AppLocale | null => {
  const language = tag?.split("-")[0];
  return isLocale(language) ? language : null;
};

/**
 * The customer account for an order, found by (normalised) e-mail or created. The shop's name
 * and language fill only empty fields: once the person has chosen (or cleared) their own, the
 * shop never overwrites it. A name the community could not display (too long, markup) is
 * simply not used. Nothing else about the account changes, least of all consent state.
 *
 * One INSERT … ON CONFLICT, so two orders for a new address at once cannot create two
 * accounts; the conflicting row stays locked until the transaction ends, which also serialises
 * the invitation that follows.
 */
export async function upsertCustomer(tx: Prisma.TransactionClient, customer: PurchaseOrder["customer"]): Promise<UpsertedCustomer> {
  const displayName = customer.name === null ? null : (accountSettingsSchema.shape.displayName.safeParse(customer.name).data ?? null);
  const locale = supportedLocale(customer.locale);
  const rows = await tx.$queryRaw<UpsertedCustomer[]>`
    INSERT INTO "User" ("id", "email", "displayName", "locale", "createdAt", "updatedAt")
    VALUES (${generateRowId()}, ${customer.email}, ${displayName}, ${locale}::"Locale", now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
    ON CONFLICT ("email") DO UPDATE SET
      "displayName" = COALESCE("User"."displayName", EXCLUDED."displayName"),
      "locale" = COALESCE("User"."locale", EXCLUDED."locale")
    RETURNING "id", "isMember", "invitationsDeclined"`;
  const row = rows[0];
  if (!row) throw new Error("Customer upsert returned no row");
  return row;
}
