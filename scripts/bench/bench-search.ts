/**
 * Search latency on the database of DATABASE_URL (meant for `npm run seed:large` data): times
 * searchPosts — the search page's whole query work — for frequent, rare, multi-word, French,
 * no-match and filtered queries, and prints median / p95 per query. Read-only.
 *
 *   DATABASE_URL=… npx tsx --conditions=react-server scripts/bench/bench-search.ts [runs]
 */
import { performance } from "node:perf_hooks";
import { db } from "@/server/db/client";
import { searchPosts } from "@/server/discussions/search-posts";
import type { SearchParams } from "@/lib/discussions/search-params";

const RUNS = Number(process.argv[2] ?? 30);

const base: SearchParams = { query: "", page: 1 };

async function main() {
  // A product with many threads, for the filtered cases.
  const [busiest] = await db().$queryRaw<{ slug: string }[]>`
    SELECT pr.slug FROM "Product" pr JOIN "Thread" t ON t."productId" = pr.id GROUP BY pr.slug ORDER BY count(*) DESC LIMIT 1`;
  const cases: [string, SearchParams][] = [
    ["frequent word (firmware)", { ...base, query: "firmware" }],
    ["two frequent words (battery noise)", { ...base, query: "battery noise" }],
    ["rare word (unboxing)", { ...base, query: "unboxing" }],
    ["phrase (\"fan noise\")", { ...base, query: '"fan noise"' }],
    ["French word (veille)", { ...base, query: "veille" }],
    ["French words (ventilateur bruit)", { ...base, query: "ventilateur bruit" }],
    ["three words (mise à jour bios)", { ...base, query: "mise à jour bios" }],
    ["two words (firmware update)", { ...base, query: "firmware update" }],
    ["no match (zzyzzx)", { ...base, query: "zzyzzx" }],
    ["frequent word, page 5", { ...base, query: "firmware", page: 5 }],
    ["frequent word, solved only", { ...base, query: "firmware", status: "solved" }],
    ["frequent word, one product", { ...base, query: "firmware", productSlug: busiest?.slug }],
  ];
  const all: number[] = [];
  for (const [label, params] of cases) {
    const first = await searchPosts(params); // warm-up (and the figures shown)
    const samples: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const began = performance.now();
      await searchPosts(params);
      samples.push(performance.now() - began);
    }
    samples.sort((a, b) => a - b);
    all.push(...samples);
    const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(1);
    console.log(`${label.padEnd(36)} median ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms   ${first.items.length} shown, total ${first.total}`);
  }
  all.sort((a, b) => a - b);
  console.log(`${"all queries".padEnd(36)} median ${all[Math.floor(all.length / 2)]!.toFixed(1).padStart(7)} ms   p95 ${all[Math.floor(all.length * 0.95)]!.toFixed(1).padStart(7)} ms`);
  await db().$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
