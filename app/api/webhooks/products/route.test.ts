import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { DELETE, GET, OPTIONS, POST, PUT } from "@/app/api/webhooks/products/route";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { signShopPayload } from "@/server/webhooks/verify-shop-signature";

const URL = "http://localhost/api/webhooks/products";
const unique = () => randomBytes(4).toString("hex");
const nowSeconds = () => Math.floor(Date.now() / 1000);

function signedRequest(
  body: string,
  { secret = env().SHOP_WEBHOOK_SECRET, timestamp = nowSeconds(), contentType = "application/json", headers = {} as Record<string, string> } = {},
): Request {
  return new Request(URL, {
    method: "PUT",
    body,
    headers: {
      "Content-Type": contentType,
      "X-Entraide-Timestamp": String(timestamp),
      "X-Entraide-Signature": signShopPayload(body, secret, timestamp),
      ...headers,
    },
  });
}

async function problemOf(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const problem = (await response.json()) as { type: string; title: string; status: number; detail?: string; errors?: { pointer: string; detail: string }[] };
  expect(problem.status).toBe(response.status);
  expect(typeof problem.title).toBe("string");
  return problem;
}

afterAll(async () => {
  await db().$disconnect();
});

describe("PUT /api/webhooks/products: authentication", () => {
  const body = JSON.stringify({ products: [{ sku: `AUTH-${unique()}`, name: "Signed test product", category: "Test auth" }] });

  it("rejects a request without signature headers", async () => {
    const response = await PUT(new Request(URL, { method: "PUT", body, headers: { "Content-Type": "application/json" } }));
    expect(response.status).toBe(401);
    const problem = await problemOf(response);
    expect(problem.type).toBe("tag:entraide,2025:problem/invalid-signature");
    expect(problem.detail).toContain("X-Entraide-Timestamp");
  });

  it("rejects a missing signature, a malformed one, another secret and a tampered body", async () => {
    const requests = [
      signedRequest(body, { headers: { "X-Entraide-Signature": "" } }),
      signedRequest(body, { headers: { "X-Entraide-Signature": "sha256=not-hex" } }),
      signedRequest(body, { headers: { "X-Entraide-Timestamp": "yesterday" } }),
      signedRequest(body, { secret: "some-other-secret-some-other-secret-0000" }),
      (() => {
        const signed = signedRequest(body);
        return new Request(signed, { body: body.replace("Signed test product", "Tampered") });
      })(),
    ];
    for (const request of requests) {
      const response = await PUT(request);
      expect(response.status).toBe(401);
      await problemOf(response);
    }
  });

  it("rejects timestamps six minutes old or ahead, accepts four minutes off", async () => {
    for (const offset of [-360, 360]) {
      const response = await PUT(signedRequest(body, { timestamp: nowSeconds() + offset }));
      expect(response.status).toBe(401);
      expect((await problemOf(response)).detail).toContain("5 minutes");
    }
    for (const offset of [-240, 240]) {
      const response = await PUT(signedRequest(body, { timestamp: nowSeconds() + offset }));
      expect(response.status).toBe(200);
    }
  });

  it("checks the signature before parsing: an unsigned malformed body is a 401, not a 400", async () => {
    const response = await PUT(new Request(URL, { method: "PUT", body: "{oops", headers: { "Content-Type": "application/json" } }));
    expect(response.status).toBe(401);
  });
});

describe("PUT /api/webhooks/products: request format", () => {
  it("answers 400 to signed malformed JSON without echoing it", async () => {
    const response = await PUT(signedRequest('{"products": [ {"sku": "X",'));
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(JSON.stringify(problem)).not.toContain("sku");
  });

  it("answers 415 when the body is not declared as JSON", async () => {
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded"]) {
      const response = await PUT(signedRequest('{"products":[]}', { contentType }));
      expect(response.status).toBe(415);
      await problemOf(response);
    }
    const withCharset = await PUT(signedRequest("{oops", { contentType: "application/json; charset=utf-8" }));
    expect(withCharset.status).toBe(400);
  });

  it("answers 413 to a body over 1 MB", async () => {
    const body = JSON.stringify({ products: [{ sku: "BIG", name: "x".repeat(1024 * 1024), category: "Test" }] });
    const response = await PUT(signedRequest(body));
    expect(response.status).toBe(413);
    await problemOf(response);
  });

  it("answers 405 with an Allow header to other methods", async () => {
    for (const handler of [GET, POST, DELETE]) {
      const response = await handler();
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("PUT, OPTIONS");
      await problemOf(response);
    }
    expect((await OPTIONS()).headers.get("allow")).toBe("PUT, OPTIONS");
  });
});

describe("PUT /api/webhooks/products: validation", () => {
  it("answers 422 naming every bad field by JSON pointer and writes nothing", async () => {
    const run = unique();
    const body = JSON.stringify({
      products: [
        { sku: `VAL-${run}`, name: "Valid product", category: "Test validation" },
        { sku: "", name: "x".repeat(201), category: "   " },
        { sku: 42, name: ["not", "a", "string"], description: 7 },
        { sku: "S".repeat(65), name: "Too long SKU", category: "c".repeat(81) },
        { sku: `VAL-${run}`, name: "Duplicate", category: "Test validation" },
        "not an object",
      ],
    });
    const response = await PUT(signedRequest(body));
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.type).toBe("tag:entraide,2025:problem/validation-failed");
    const pointers = problem.errors!.map((error) => error.pointer);
    expect(new Set(pointers)).toEqual(
      new Set([
        "/products/1/sku",
        "/products/1/name",
        "/products/1/category",
        "/products/2/sku",
        "/products/2/name",
        "/products/2/category",
        "/products/2/description",
        "/products/3/sku",
        "/products/3/category",
        "/products/4/sku",
        "/products/5",
      ]),
    );
    expect(problem.errors!.find((error) => error.pointer === "/products/4/sku")?.detail).toContain("/products/0/sku");
    for (const error of problem.errors!) expect(error.detail.length).toBeGreaterThan(0);
    expect(await db().product.count({ where: { sku: `VAL-${run}` } })).toBe(0);
  });

  it("answers 422 for an empty list, too many products, or no list at all", async () => {
    const tooMany = Array.from({ length: 1001 }, (_, i) => ({ sku: `MANY-${i}`, name: "Cable", category: "Test" }));
    for (const [payload, pointer] of [
      [{ products: [] }, "/products"],
      [{ products: tooMany }, "/products"],
      [{ items: [] }, "/products"],
      [[], ""],
    ] as const) {
      const response = await PUT(signedRequest(JSON.stringify(payload)));
      expect(response.status).toBe(422);
      expect((await problemOf(response)).errors?.map((error) => error.pointer)).toEqual([pointer]);
    }
  });
});

describe("PUT /api/webhooks/products: sync", () => {
  it("creates, then updates by SKU, and reports the counts", async () => {
    const run = unique();
    const category = `Test Graphics Cards ${run}`;
    const products = [
      { sku: `GPU-${run}-1`, name: `Radeon Test ${run}`, category, description: "16 GB" },
      { sku: `GPU-${run}-2`, name: `GeForce Test ${run}`, category },
    ];

    const created = await PUT(signedRequest(JSON.stringify({ products })));
    expect(created.status).toBe(200);
    expect(created.headers.get("content-type")).toContain("application/json");
    expect(await created.json()).toEqual({ created: 2, updated: 0, unchanged: 0, categoriesCreated: 1 });

    const renamed = [{ ...products[0]!, name: `Radeon Test ${run} OC` }, products[1]!];
    const updated = await PUT(signedRequest(JSON.stringify({ products: renamed })));
    expect(await updated.json()).toEqual({ created: 0, updated: 1, unchanged: 1, categoriesCreated: 0 });

    const rows = await db().product.findMany({
      where: { sku: { in: products.map((p) => p.sku) } },
      select: { sku: true, name: true, slug: true, category: { select: { name: true } } },
      orderBy: { sku: "asc" },
    });
    expect(rows).toEqual([
      { sku: `GPU-${run}-1`, name: `Radeon Test ${run} OC`, slug: `radeon-test-${run}`, category: { name: category } },
      { sku: `GPU-${run}-2`, name: `GeForce Test ${run}`, slug: `geforce-test-${run}`, category: { name: category } },
    ]);
    expect(await db().category.count({ where: { name: category } })).toBe(1);
  });
});

describe("PUT /api/webhooks/products: control characters", () => {
  it("drops NUL and control characters from names and descriptions instead of failing in the database", async () => {
    const run = unique();
    const products = [{ sku: `CTL-${run}`, name: `Null\u0000Byte ${run}`, category: `Ctl\u0007 ${run}`, description: "a\u0000b" }];
    const response = await PUT(signedRequest(JSON.stringify({ products })));
    expect(response.status).toBe(200);
    const row = await db().product.findUniqueOrThrow({
      where: { sku: `CTL-${run}` },
      select: { name: true, shortDescription: true, category: { select: { name: true } } },
    });
    expect(row).toEqual({ name: `NullByte ${run}`, shortDescription: "ab", category: { name: `Ctl ${run}` } });
  });
});
