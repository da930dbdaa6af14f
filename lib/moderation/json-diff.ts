/**
 * Before/after of an audited action as rows a person can read: one per changed field (dotted
 * path for nested objects), unchanged fields left out. Arrays and scalars compare as a whole.
 */
export type DiffRow = { path: string; change: "added" | "removed" | "changed"; before?: string; after?: string };

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function formatJsonValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function diffJson(before: unknown, after: unknown, prefix = ""): DiffRow[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => {
      const path = prefix ? `${prefix}.${key}` : key;
      if (!(key in before)) return after[key] === undefined ? [] : [{ path, change: "added" as const, after: formatJsonValue(after[key]) }];
      if (!(key in after)) return [{ path, change: "removed" as const, before: formatJsonValue(before[key]) }];
      return diffJson(before[key], after[key], path);
    });
  }
  const path = prefix || "value";
  if (before === undefined || before === null) return after === undefined || after === null ? [] : isObject(after) ? diffJson({}, after, prefix) : [{ path, change: "added", after: formatJsonValue(after) }];
  if (after === undefined || after === null) return isObject(before) ? diffJson(before, {}, prefix) : [{ path, change: "removed", before: formatJsonValue(before) }];
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path, change: "changed", before: formatJsonValue(before), after: formatJsonValue(after) }];
}
