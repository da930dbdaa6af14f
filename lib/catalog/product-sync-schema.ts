import { z } from "zod";
import { stripUnstorableCharacters } from "@/lib/text/strip-unstorable-characters";

/**
 * The shop's catalog sync contract (PUT /api/webhooks/products). Shared by the webhook and
 * the demo seed so both go through the same rules; documented in docs/webhooks.md.
 */

export const PRODUCT_SYNC_LIMITS = {
  maxProducts: 1000,
  skuMaxLength: 64,
  nameMaxLength: 200,
  categoryMaxLength: 80,
  descriptionMaxLength: 1000,
} as const;

const requiredString = (field: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be a string`) });

// Names arrive from another system's UI: fold runs of whitespace so "SSD  drives" and
// "SSD drives" are one category, not two.
// Control characters (NUL cannot even be stored) are dropped first.
const collapseWhitespace = (value: string) => stripUnstorableCharacters(value).trim().replace(/\s+/g, " ");

const sku = requiredString("sku")
  .trim()
  .min(1, "sku must not be empty")
  .max(PRODUCT_SYNC_LIMITS.skuMaxLength, `sku must be at most ${PRODUCT_SYNC_LIMITS.skuMaxLength} characters`)
  .regex(/^[\x21-\x7E]+$/, "sku must be printable ASCII without spaces");

const name = requiredString("name")
  .transform(collapseWhitespace)
  .pipe(
    z.string()
      .min(1, "name must not be empty")
      .max(PRODUCT_SYNC_LIMITS.nameMaxLength, `name must be at most ${PRODUCT_SYNC_LIMITS.nameMaxLength} characters`),
  );

const category = requiredString("category")
  .transform(collapseWhitespace)
  .pipe(
    z.string()
      .min(1, "category must not be empty")
      .max(PRODUCT_SYNC_LIMITS.categoryMaxLength, `category must be at most ${PRODUCT_SYNC_LIMITS.categoryMaxLength} characters`),
  );

// Omitted keeps the stored description; null (or an empty string) clears it.
const description = z
  .string({ error: "description must be a string or null" })
  .overwrite(stripUnstorableCharacters)
  .trim()
  .max(PRODUCT_SYNC_LIMITS.descriptionMaxLength, `description must be at most ${PRODUCT_SYNC_LIMITS.descriptionMaxLength} characters`)
  .transform((value) => (value === "" ? null : value))
  .nullable()
  .optional();

export const productSyncItemSchema = z.object(
  { sku, name, category, description },
  { error: "each product must be an object" },
);

export const productSyncSchema = z.object(
  {
    products: z
      .array(productSyncItemSchema, {
        error: (issue) => (issue.input === undefined ? "products is required" : "products must be an array"),
      })
      .min(1, "products must contain at least one product")
      .max(PRODUCT_SYNC_LIMITS.maxProducts, `products must contain at most ${PRODUCT_SYNC_LIMITS.maxProducts} products; split larger catalogs into several requests`)
      .superRefine(
        (products, context) => {
          const firstIndexBySku = new Map<string, number>();
          // Runs even when other fields failed (see `when`), so items may still be raw input.
          (products as readonly unknown[]).forEach((product, index) => {
            const sku = (product as { sku?: unknown } | null)?.sku;
            if (typeof sku !== "string") return;
            const key = sku.trim();
            const first = firstIndexBySku.get(key);
            if (first === undefined) firstIndexBySku.set(key, index);
            else context.addIssue({ code: "custom", path: [index, "sku"], message: `sku "${key}" already appears at /products/${first}/sku` });
          });
        },
        // Report duplicates together with every other bad field, so one round trip shows all
        // problems; skip it for payloads over the limit, which are rejected anyway.
        { when: ({ value }) => Array.isArray(value) && value.length <= PRODUCT_SYNC_LIMITS.maxProducts },
      ),
  },
  { error: "the body must be a JSON object" },
);

export type ProductSyncItem = z.output<typeof productSyncItemSchema>;
export type ProductSyncPayload = z.output<typeof productSyncSchema>;
