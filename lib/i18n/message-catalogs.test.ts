import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";
import { NAMESPACES } from "./namespaces";

const messagesDir = path.resolve(__dirname, "../../messages");

function keysOf(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

function placeholdersOf(text: string): string[] {
  // An argument is `{name}` or `{name, plural, …}`; plural branches like `{No items}` are text.
  return [...new Set([...text.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]!))].sort();
}

function load(locale: string, namespace: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(messagesDir, locale, `${namespace}.json`), "utf8"));
}

function valueAt(tree: Record<string, unknown>, dotted: string): unknown {
  return dotted.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], tree);
}

describe.each(NAMESPACES)("messages/*/%s.json", (namespace) => {
  const [reference, ...others] = LOCALES;
  const base = load(reference, namespace);

  it.each(others)(`has the same keys in %s as in ${reference}`, (locale) => {
    expect(keysOf(load(locale, namespace)).sort()).toEqual(keysOf(base).sort());
  });

  it.each(others)(`uses the same placeholders in %s as in ${reference}`, (locale) => {
    const translated = load(locale, namespace);
    for (const key of keysOf(base)) {
      const original = valueAt(base, key);
      if (typeof original !== "string") continue;
      expect(placeholdersOf(String(valueAt(translated, key))), `${namespace}.${key}`).toEqual(placeholdersOf(original));
    }
  });

  it("has no empty strings", () => {
    for (const locale of LOCALES) {
      const tree = load(locale, namespace);
      for (const key of keysOf(tree)) expect(String(valueAt(tree, key)).trim(), `${locale}/${namespace}.${key}`).not.toBe("");
    }
  });
});
