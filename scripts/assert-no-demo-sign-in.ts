/**
 * Fails when a production build contains the development-only demo sign-in.
 *
 *   npx tsx scripts/assert-no-demo-sign-in.ts [buildDir]      (buildDir defaults to .next)
 *
 * Every demo module carries the marker below (the demo provider's name, a data attribute, doc
 * comments); a production build must contain none of them, in server or browser code. Run after
 * `next build`. Exit codes: 0 clean, 1 marker found, 2 no production build to check.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

// Assembled at runtime so this file never matches its own search.
const MARKER = ["demo", "account", "sign", "in"].join("-");

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

async function main() {
  const buildDir = path.resolve(process.argv[2] ?? ".next");
  const roots = ["server", "static"].map((name) => path.join(buildDir, name));
  if (!existsSync(path.join(buildDir, "BUILD_ID")) || !roots.every((root) => existsSync(root))) {
    console.error(`No production build in ${buildDir} (expected BUILD_ID, server/ and static/). Run \`next build\` first.`);
    process.exit(2);
  }

  const offenders: string[] = [];
  let checked = 0;
  for (const root of roots) {
    for await (const file of filesUnder(root)) {
      checked += 1;
      if ((await readFile(file)).includes(MARKER)) offenders.push(path.relative(buildDir, file));
    }
  }

  if (offenders.length > 0) {
    console.error(`Development-only demo sign-in found in the production build (${MARKER}):`);
    for (const file of offenders) console.error(`  ${file}`);
    process.exit(1);
  }
  console.log(`No demo sign-in in the production build (${checked} files checked in ${path.relative(process.cwd(), buildDir) || "."}).`);
}

await main();
