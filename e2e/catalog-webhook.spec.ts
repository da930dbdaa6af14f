import { createHmac, randomBytes } from "node:crypto";
import { test, expect } from "./support/test";
import { E2E } from "./support/ports";

// Signed independently of the app's code, exactly as docs/webhooks.md tells a shop to.
function signedHeaders(body: string, timestamp = Math.floor(Date.now() / 1000), secret: string = E2E.shopWebhookSecret) {
  const signature = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return {
    "content-type": "application/json",
    "x-entraide-timestamp": String(timestamp),
    "x-entraide-signature": `sha256=${signature}`,
  };
}

test("a signed catalog sync over HTTP creates a product that the catalog then shows", async ({ page, request }) => {
  const id = randomBytes(4).toString("hex");
  const name = `Webhook Test Drive ${id}`;
  const body = JSON.stringify({
    products: [{ sku: `E2E-${id}`, name, category: `E2E Storage ${id}`, description: "Arrived through the shop webhook." }],
  });

  const created = await request.put("/api/webhooks/products", { data: body, headers: signedHeaders(body) });
  expect(created.status()).toBe(200);
  expect(await created.json()).toMatchObject({ created: 1, updated: 0 });

  const again = await request.put("/api/webhooks/products", { data: body, headers: signedHeaders(body) });
  expect(again.status()).toBe(200);
  expect(await again.json()).toMatchObject({ created: 0 });

  await page.goto(`/p/webhook-test-drive-${id}`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Arrived through the shop webhook.")).toBeVisible();
});

test("the catalog webhook refuses forged, stale and malformed requests with problem details", async ({ request }) => {
  const body = JSON.stringify({ products: [{ sku: "E2E-FORGED", name: "Forged", category: "Nope" }] });

  const forged = await request.put("/api/webhooks/products", { data: body, headers: signedHeaders(body, undefined, "not-the-shop-secret-at-all-0123456789") });
  expect(forged.status()).toBe(401);
  expect(forged.headers()["content-type"]).toContain("application/problem+json");

  const stale = await request.put("/api/webhooks/products", { data: body, headers: signedHeaders(body, Math.floor(Date.now() / 1000) - 6 * 60) });
  expect(stale.status()).toBe(401);

  const malformed = "{ not json";
  // A Buffer, so Playwright sends the bytes as they are instead of JSON-encoding an unparsable string.
  const badJson = await request.put("/api/webhooks/products", { data: Buffer.from(malformed), headers: signedHeaders(malformed) });
  expect(badJson.status()).toBe(400);
  expect(badJson.headers()["content-type"]).toContain("application/problem+json");

  const invalid = JSON.stringify({ products: [{ sku: "", name: "No SKU", category: "X" }] });
  const unprocessable = await request.put("/api/webhooks/products", { data: invalid, headers: signedHeaders(invalid) });
  expect(unprocessable.status()).toBe(422);
  const problem = await unprocessable.json();
  expect(JSON.stringify(problem)).toContain("/products/0/sku");
});
