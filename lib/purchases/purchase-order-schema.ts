import { z } from "zod";
import { PRODUCT_SYNC_LIMITS } from "@/lib/catalog/product-sync-schema";
import { stripUnstorableCharacters } from "@/lib/text/strip-unstorable-characters";

/**
 * The shop's purchase contract (POST /api/webhooks/purchases), documented in docs/webhooks.md.
 * Messages are plain English for the shop's developers, like every webhook error.
 */

export const PURCHASE_ORDER_LIMITS = {
  orderIdMaxLength: 64,
  maxItems: 100,
  maxQuantity: 10_000,
  emailMaxLength: 254,
  nameMaxLength: 200,
  localeMaxLength: 35,
} as const;

const requiredString = (field: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be a string`) });

const printableId = (field: string, maxLength: number) =>
  requiredString(field)
    .trim()
    .min(1, `${field} must not be empty`)
    .max(maxLength, `${field} must be at most ${maxLength} characters`)
    .regex(/^[\x21-\x7E]+$/, `${field} must be printable ASCII without spaces`);

// An offset is required: a local time without one names a different instant in every time zone.
const purchasedAt = z
  .iso.datetime({ offset: true, error: (issue) => (issue.input === undefined ? "purchasedAt is required" : "purchasedAt must be an ISO 8601 date-time with a time zone, e.g. 2026-03-01T14:30:00Z") })
  .transform((value) => new Date(value));

const email = requiredString("customer.email")
  .trim()
  .toLowerCase()
  .max(PURCHASE_ORDER_LIMITS.emailMaxLength, `customer.email must be at most ${PURCHASE_ORDER_LIMITS.emailMaxLength} characters`)
  .pipe(z.email({ error: "customer.email must be an e-mail address" }));

// Absent, null and blank all mean "not given".
const name = z
  .string({ error: "customer.name must be a string or null" })
  .transform((value) => stripUnstorableCharacters(value).trim().replace(/\s+/g, " "))
  .pipe(z.string().max(PURCHASE_ORDER_LIMITS.nameMaxLength, `customer.name must be at most ${PURCHASE_ORDER_LIMITS.nameMaxLength} characters`))
  .transform((value) => (value === "" ? null : value))
  .nullish()
  .transform((value) => value ?? null);

// A BCP 47 language tag as the shop knows it ("fr", "fr-CA", "de"); kept as sent (lower-cased),
// mapped to a supported language when the account is written.
const locale = z
  .string({ error: "customer.locale must be a string or null" })
  .trim()
  .max(PURCHASE_ORDER_LIMITS.localeMaxLength, `customer.locale must be at most ${PURCHASE_ORDER_LIMITS.localeMaxLength} characters`)
  .regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/, "customer.locale must be a language tag such as fr or fr-CA")
  .transform((value) => value.toLowerCase().replaceAll("_", "-"))
  .nullish()
  .transform((value) => value ?? null);

const customer = z.object({ email, name, locale }, { error: (issue) => (issue.input === undefined ? "customer is required" : "customer must be an object") });

const item = z.object(
  {
    sku: printableId("sku", PRODUCT_SYNC_LIMITS.skuMaxLength),
    quantity: z
      .number({ error: (issue) => (issue.input === undefined ? "quantity is required" : "quantity must be a number") })
      // refine, not .int(): .int() aborts the parse, which would hide other items' problems.
      .refine(Number.isInteger, "quantity must be a whole number")
      .min(1, "quantity must be at least 1")
      .max(PURCHASE_ORDER_LIMITS.maxQuantity, `quantity must be at most ${PURCHASE_ORDER_LIMITS.maxQuantity}`),
  },
  { error: "each item must be an object" },
);

export const purchaseOrderSchema = z.object(
  {
    orderId: printableId("orderId", PURCHASE_ORDER_LIMITS.orderIdMaxLength),
    purchasedAt,
    customer,
    items: z
      .array(item, { error: (issue) => (issue.input === undefined ? "items is required" : "items must be an array") })
      .min(1, "items must contain at least one item")
      .max(PURCHASE_ORDER_LIMITS.maxItems, `items must contain at most ${PURCHASE_ORDER_LIMITS.maxItems} items`)
      .superRefine(
        (items, context) => {
          // One line per product: a purchase is unique per (order, product).
          const firstIndexBySku = new Map<string, number>();
          (items as readonly unknown[]).forEach((entry, index) => {
            const sku = (entry as { sku?: unknown } | null)?.sku;
            if (typeof sku !== "string") return;
            const key = sku.trim();
            const first = firstIndexBySku.get(key);
            if (first === undefined) firstIndexBySku.set(key, index);
            else context.addIssue({ code: "custom", path: [index, "sku"], message: `sku "${key}" already appears at /items/${first}/sku; send one line per product with its total quantity` });
          });
        },
        { when: ({ value }) => Array.isArray(value) && value.length <= PURCHASE_ORDER_LIMITS.maxItems },
      ),
  },
  { error: "the body must be a JSON object" },
);

export type PurchaseOrder = z.output<typeof purchaseOrderSchema>;

/** The webhook's success body, also stored with the order so a replay answers identically. */
export type PurchaseOrderResponse = { orderId: string; purchases: number; invitationUrl: string | null };
