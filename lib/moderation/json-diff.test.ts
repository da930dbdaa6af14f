import { describe, expect, it } from "vitest";
import { diffJson } from "./json-diff";

describe("diffJson", () => {
  it("lists changed, added and removed fields, skipping unchanged ones", () => {
    expect(diffJson({ role: "MEMBER", name: "Ada", old: 1 }, { role: "MODERATOR", name: "Ada", added: true })).toEqual([
      { path: "added", change: "added", after: "true" },
      { path: "old", change: "removed", before: "1" },
      { path: "role", change: "changed", before: "MEMBER", after: "MODERATOR" },
    ]);
  });

  it("walks nested objects with dotted paths and handles a missing side", () => {
    expect(diffJson({ a: { b: 1, c: 2 } }, { a: { b: 1, c: 3 } })).toEqual([{ path: "a.c", change: "changed", before: "2", after: "3" }]);
    expect(diffJson(null, { visibility: "HIDDEN" })).toEqual([{ path: "visibility", change: "added", after: "HIDDEN" }]);
    expect(diffJson({ visibility: "VISIBLE" }, null)).toEqual([{ path: "visibility", change: "removed", before: "VISIBLE" }]);
    expect(diffJson(null, null)).toEqual([]);
    expect(diffJson("x", "y")).toEqual([{ path: "value", change: "changed", before: "x", after: "y" }]);
  });
});
