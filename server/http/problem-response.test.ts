import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { internalErrorResponse } from "./internal-error-response";
import { problemResponse } from "./problem-response";
import { validationProblemResponse } from "./validation-problem-response";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("problemResponse", () => {
  it("is an RFC 9457 document with the status phrase as default title", async () => {
    const response = problemResponse({ status: 413, detail: "Too big." });
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ type: "about:blank", title: "Content Too Large", status: 413, detail: "Too big." });
  });
});

describe("internalErrorResponse", () => {
  it("answers a generic 500 and keeps the error's message and stack on the server", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const error = new Error('relation "Product" violates constraint Product_sku_key at /srv/app/secret.ts:12');
    const response = internalErrorResponse(error, "test");
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(text).not.toContain("Product_sku_key");
    expect(text).not.toContain("secret.ts");
    expect(JSON.parse(text)).toMatchObject({ status: 500, title: "Internal Server Error" });
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("test"), error);
  });
});

describe("validationProblemResponse", () => {
  it("escapes '~' and '/' in JSON pointers (RFC 6901)", async () => {
    const schema = z.object({ "a/b": z.object({ "c~d": z.string({ error: "must be a string" }) }) });
    const result = schema.safeParse({ "a/b": { "c~d": 1 } });
    const response = validationProblemResponse(result.error!);
    expect(response.status).toBe(422);
    expect((await response.json()).errors).toEqual([{ pointer: "/a~1b/c~0d", detail: "must be a string" }]);
  });
});
