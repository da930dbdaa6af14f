import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_MESSAGE_PATHS, pickMessages } from "./client-messages";

const root = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

function resolveImport(specifier: string, from: string, known: Set<string>): string | null {
  const base = specifier.startsWith("@/") ? path.join(root, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) if (known.has(candidate)) return candidate;
  return null;
}

/** Every module that may run in the browser: "use client" modules and what they import (server actions excepted). */
function clientModules(): Map<string, string> {
  const files = new Map(["app", "components", "lib"].flatMap((dir) => sourceFiles(path.join(root, dir))).map((file) => [file, readFileSync(file, "utf8")]));
  const known = new Set(files.keys());
  const directive = (text: string, name: string) => new RegExp(`^\\s*["']use ${name}["']`).test(text);
  const reached = new Set([...files].filter(([, text]) => directive(text, "client")).map(([file]) => file));
  const queue = [...reached];
  while (queue.length > 0) {
    const file = queue.pop()!;
    for (const match of files.get(file)!.matchAll(/(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
      const target = resolveImport(match[1] ?? match[2]!, file, known);
      if (target && !reached.has(target) && !directive(files.get(target)!, "server")) {
        reached.add(target);
        queue.push(target);
      }
    }
  }
  return new Map([...reached].map((file) => [file, files.get(file)!]));
}

describe("client messages", () => {
  const modules = clientModules();

  it("covers every namespace a client module translates with", () => {
    const calls = [...modules].flatMap(([file, text]) => [...text.matchAll(/useTranslations\(([^)]*)\)/g)].map((match) => ({ file: path.relative(root, file), argument: match[1]!.trim() })));
    expect(calls.length).toBeGreaterThan(10);
    for (const { file, argument } of calls) {
      // A namespace computed at runtime could not be checked here.
      expect(argument, `${file}: useTranslations needs a literal namespace`).toMatch(/^"[\w.]+"$/);
      const namespace = argument.slice(1, -1);
      const covered = CLIENT_MESSAGE_PATHS.some((picked) => namespace === picked || namespace.startsWith(`${picked}.`));
      expect(covered, `${file} reads "${namespace}", which is not sent to the browser`).toBe(true);
    }
  });

  it("keeps the chosen paths and drops the rest", () => {
    const messages = { a: { b: { c: "1", d: "2" }, e: "3" }, f: { g: "4" }, h: "5" };
    expect(pickMessages(messages, ["a.b.c", "f", "missing.path"])).toEqual({ a: { b: { c: "1" } }, f: { g: "4" } });
  });
});
