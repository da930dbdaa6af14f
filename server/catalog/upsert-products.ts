import "server-only";
import { db, type Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/prisma/client";
import type { ProductSyncItem } from "@/lib/catalog/product-sync-schema";
import { toSlug } from "@/lib/catalog/to-slug";
import { generateRowId } from "./generate-row-id";

export type UpsertProductsSummary = {
  created: number;
  updated: number;
  unchanged: number;
  categoriesCreated: number;
};

type Tx = Prisma.TransactionClient;

// Serialises catalog writers: slugs are chosen by reading which ones are taken, and two syncs
// doing that at the same time could pick the same one. Syncs are rare, so waiting is cheap.
const CATALOG_WRITE_LOCK = 7_104_119_001;

/**
 * Creates or updates products by SKU in one transaction, with a constant number of
 * statements whatever the payload size. Categories are matched by name and created when new.
 * Slugs are chosen once, at creation, and kept on later renames so links stay valid.
 * `products` must already be validated (productSyncSchema: trimmed, unique SKUs).
 */
export async function upsertProducts(products: readonly ProductSyncItem[], client: Db = db()): Promise<UpsertProductsSummary> {
  if (products.length === 0) return { created: 0, updated: 0, unchanged: 0, categoriesCreated: 0 };

  return client.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CATALOG_WRITE_LOCK}::bigint)`;
      const { idByName, created: categoriesCreated } = await ensureCategories(tx, products.map((p) => p.category));
      const { created, updated } = await writeProducts(tx, products, idByName);
      return { created, updated, unchanged: products.length - created - updated, categoriesCreated };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}

async function ensureCategories(tx: Tx, names: readonly string[]): Promise<{ idByName: Map<string, string>; created: number }> {
  const uniqueNames = [...new Set(names)];
  const existing = await tx.category.findMany({ where: { name: { in: uniqueNames } }, select: { id: true, name: true } });
  const idByName = new Map(existing.map((category) => [category.name, category.id]));

  const missing = uniqueNames.filter((name) => !idByName.has(name));
  if (missing.length === 0) return { idByName, created: 0 };

  const bases = missing.map((name) => toSlug(name) || "category");
  const taken = await takenSlugs(tx, "Category", bases);
  const rows = missing.map((name, index) => ({ id: generateRowId(), name, slug: claimSlug(bases[index]!, taken) }));
  await tx.category.createMany({ data: rows });
  for (const row of rows) idByName.set(row.name, row.id);
  return { idByName, created: rows.length };
}

async function writeProducts(
  tx: Tx,
  products: readonly ProductSyncItem[],
  categoryIdByName: Map<string, string>,
): Promise<{ created: number; updated: number }> {
  const existing = await tx.product.findMany({
    where: { sku: { in: products.map((p) => p.sku) } },
    select: { sku: true, slug: true, shortDescription: true },
  });
  const existingBySku = new Map(existing.map((row) => [row.sku, row]));

  const newProducts = products.filter((p) => !existingBySku.has(p.sku));
  const newBases = newProducts.map((p) => toSlug(p.name) || toSlug(p.sku) || "product");
  const taken = await takenSlugs(tx, "Product", newBases);
  const slugBySku = new Map(newProducts.map((p, index) => [p.sku, claimSlug(newBases[index]!, taken, toSlug(p.sku))]));

  const rows = products.map((product) => {
    const current = existingBySku.get(product.sku);
    return {
      id: generateRowId(),
      sku: product.sku,
      // Existing rows keep their slug (the update below never sets it).
      slug: current?.slug ?? slugBySku.get(product.sku)!,
      name: product.name,
      // An omitted description keeps the stored one; null clears it.
      description: product.description === undefined ? (current?.shortDescription ?? null) : product.description,
      categoryId: categoryIdByName.get(product.category)!,
    };
  });

  // ON CONFLICT keeps this correct even against a writer that does not take the lock; the
  // WHERE skips identical rows so `updatedAt` moves only on real changes, and `xmax = 0`
  // tells freshly inserted rows from updated ones.
  const written = await tx.$queryRaw<{ inserted: boolean }[]>`
    INSERT INTO "Product" ("id", "sku", "slug", "name", "shortDescription", "categoryId", "createdAt", "updatedAt")
    SELECT input.id, input.sku, input.slug, input.name, input.description, input.category_id,
           now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM unnest(
      ${rows.map((r) => r.id)}::text[],
      ${rows.map((r) => r.sku)}::text[],
      ${rows.map((r) => r.slug)}::text[],
      ${rows.map((r) => r.name)}::text[],
      ${rows.map((r) => r.description)}::text[],
      ${rows.map((r) => r.categoryId)}::text[]
    ) AS input(id, sku, slug, name, description, category_id)
    ON CONFLICT ("sku") DO UPDATE SET
      "name" = EXCLUDED."name",
      "shortDescription" = EXCLUDED."shortDescription",
      "categoryId" = EXCLUDED."categoryId",
      "updatedAt" = now() AT TIME ZONE 'UTC'
    WHERE ("Product"."name", "Product"."shortDescription", "Product"."categoryId")
          IS DISTINCT FROM (EXCLUDED."name", EXCLUDED."shortDescription", EXCLUDED."categoryId")
    RETURNING (xmax = 0) AS inserted`;

  const created = written.filter((row) => row.inserted).length;
  return { created, updated: written.length - created };
}

/** Slugs already used that a new one derived from `bases` could collide with. */
async function takenSlugs(tx: Tx, table: "Category" | "Product", bases: readonly string[]): Promise<Set<string>> {
  if (bases.length === 0) return new Set();
  // Slugs are [a-z0-9-] only, so they hold no LIKE wildcards to escape.
  const patterns = [...new Set(bases)].map((base) => `${base}%`);
  const rows =
    table === "Category"
      ? await tx.$queryRaw<{ slug: string }[]>`SELECT "slug" FROM "Category" WHERE "slug" LIKE ANY(${patterns}::text[])`
      : await tx.$queryRaw<{ slug: string }[]>`SELECT "slug" FROM "Product" WHERE "slug" LIKE ANY(${patterns}::text[])`;
  return new Set(rows.map((row) => row.slug));
}

/**
 * First free slug among `base`, `base-<hint>` (the SKU for products: more telling than a
 * number when two products share a name), then `base-2`, `base-3`…; records it as taken.
 */
function claimSlug(base: string, taken: Set<string>, hint?: string): string {
  const candidates = [base, ...(hint ? [`${base}-${hint}`] : [])];
  let slug = candidates.find((candidate) => !taken.has(candidate));
  for (let n = 2; !slug; n++) if (!taken.has(`${base}-${n}`)) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}
