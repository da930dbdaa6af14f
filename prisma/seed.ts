/**
 * Demo data for development: the Octet Hardware catalog, customers with purchases, one
 * moderator and one admin, then community discussions by the demo customers who joined (their
 * membership recorded in the consent ledger; the other customers stay non-members).
 * Idempotent: a second run creates and changes nothing.
 *
 *   npm run dev                      (seeds through scripts/with-database.ts --seed)
 *   DATABASE_URL=… npx tsx --conditions=react-server prisma/seed.ts
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { pathToFileURL } from "node:url";
import { productSyncSchema } from "../lib/catalog/product-sync-schema";
import { upsertProducts } from "../server/catalog/upsert-products";
import { PrismaClient } from "../server/db/generated/prisma/client";
import { DEMO_ACCOUNTS, demoEmail } from "./seed-data/demo-accounts";
import { DEMO_PRODUCTS, DEMO_SHOP_NAME } from "./seed-data/demo-products";
import { seedDemoThreads } from "./seed-demo-threads";

// Demo accounts count as verified from a fixed date, so re-seeding never has a reason to touch them.
const DEMO_EMAIL_VERIFIED_AT = new Date("2026-01-01T00:00:00Z");

export async function seedDemoData(databaseUrl: string, opts: { log?: (line: string) => void } = {}): Promise<void> {
  const log = opts.log ?? ((line: string) => console.log(line));
  // Its own client on the given URL: the caller may not have DATABASE_URL in its environment
  // (the dev launcher passes the embedded server's URL), and db() would read that.
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 2 }) });
  try {
    // The same rules as the shop's webhook: demo data must be data the shop could have sent.
    const { products } = productSyncSchema.parse({ products: DEMO_PRODUCTS });
    const catalog = await upsertProducts(products, client);

    const accounts = await client.user.createMany({
      data: DEMO_ACCOUNTS.map((account) => ({
        email: demoEmail(account),
        displayName: account.displayName,
        locale: account.locale,
        role: account.role,
        emailVerified: DEMO_EMAIL_VERIFIED_AT,
      })),
      skipDuplicates: true,
    });

    const purchases = await createDemoPurchases(client);

    // ---- Discussions (after accounts and products: authors and products must exist) ----
    const discussions = await seedDemoThreads(client);

    const nothingNew = catalog.created + catalog.updated + catalog.categoriesCreated + accounts.count + purchases === 0;
    log(
      nothingNew
        ? `Demo shop ${DEMO_SHOP_NAME}: nothing new (${products.length} products, ${DEMO_ACCOUNTS.length} demo accounts and their purchases already there).`
        : `Demo shop ${DEMO_SHOP_NAME}: ${catalog.created} products created, ${catalog.updated} updated, ${catalog.categoriesCreated} categories created, ` +
            `${accounts.count} accounts created, ${purchases} purchases created.`,
    );
    log(
      discussions.membersJoined + discussions.threadsCreated === 0
        ? "Demo discussions: nothing new (members and threads already there)."
        : `Demo discussions: ${discussions.membersJoined} customers joined the community (recorded in the consent ledger), ${discussions.threadsCreated} threads created.`,
    );
    log("Sign in: open http://localhost:3000/signin — in development you can sign in as any demo account with one click, or use the development mailbox at /dev/mailbox.");
    log(`Demo accounts: ${DEMO_ACCOUNTS.map((account) => `${demoEmail(account)}${account.role === "MEMBER" ? "" : ` (${account.role.toLowerCase()})`}`).join(", ")}.`);
  } finally {
    await client.$disconnect();
  }
}

async function createDemoPurchases(client: PrismaClient): Promise<number> {
  const wanted = DEMO_ACCOUNTS.flatMap((account) => account.purchases.map((purchase) => ({ ...purchase, email: demoEmail(account) })));
  const [users, products] = await Promise.all([
    client.user.findMany({ where: { email: { in: [...new Set(wanted.map((p) => p.email))] } }, select: { id: true, email: true } }),
    client.product.findMany({ where: { sku: { in: [...new Set(wanted.map((p) => p.sku))] } }, select: { id: true, sku: true } }),
  ]);
  const userIdByEmail = new Map(users.map((user) => [user.email, user.id]));
  const productIdBySku = new Map(products.map((product) => [product.sku, product.id]));

  const { count } = await client.purchase.createMany({
    data: wanted.map((purchase) => {
      const userId = userIdByEmail.get(purchase.email);
      const productId = productIdBySku.get(purchase.sku);
      if (!userId || !productId) throw new Error(`Demo purchase ${purchase.orderId} refers to an unknown account or SKU (${purchase.email}, ${purchase.sku})`);
      return { orderId: purchase.orderId, userId, productId, quantity: purchase.quantity, purchasedAt: new Date(purchase.purchasedAt) };
    }),
    // (orderId, productId) is unique: a purchase already recorded is left as it is.
    skipDuplicates: true,
  });
  return count;
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runDirectly) {
  const { env } = await import("../server/env");
  try {
    await seedDemoData(env().DATABASE_URL);
  } catch (error) {
    console.error("Seeding failed:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
