/**
 * `npm run seed:large [-- --scale 0.01 | --products N --members N --threads N --posts N --watchers N]`
 * Runs under scripts/with-database.ts, which gives DATABASE_URL (the embedded dev database when
 * it is unset) with every migration applied. Prints the time of each step.
 */
import { createProgressBar } from "./progress-bar";
import { seedLargeCommunity } from "./seed-large-community";
import { parseSeedArgs, resolveSizes } from "./seed-large-options";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run through scripts/with-database.ts (npm run seed:large)");
  const { scale, overrides } = parseSeedArgs(process.argv.slice(2));
  const sizes = resolveSizes(scale, overrides);
  console.log(`Generating ${Object.entries(sizes).map(([name, value]) => `${value.toLocaleString("en-US")} ${name}`).join(", ")}`);
  const bar = createProgressBar();
  const result = await seedLargeCommunity(url, sizes, { onProgress: (progress) => bar.update(progress) });
  console.log("\n| Step | Rows | Time |\n| --- | ---: | ---: |");
  for (const step of result.steps) console.log(`| ${step.step} | ${step.rows.toLocaleString("en-US")} | ${(step.ms / 1000).toFixed(1)} s |`);
  console.log(`| total | | ${(result.totalMs / 1000).toFixed(1)} s |`);
  console.log(`\nBig product: /p/${result.bigProduct.slug} (${sizes.watchers.toLocaleString("en-US")} watchers)`);
  console.log(`Big thread:  /t/${result.bigThread.id}/${result.bigThread.slug} (${result.bigThread.replies} replies)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
