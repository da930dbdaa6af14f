import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { createTestCategory, createTestProduct, uniqueToken } from "@/test/fixtures/catalog";
import { GET } from "./route";

const get = (query: string) => GET(new Request(`http://localhost/api/similar-questions?${query}`));

describe("GET /api/similar-questions", () => {
  it("answers up to five questions as JSON", async () => {
    const category = await createTestCategory();
    const product = await createTestProduct(category.id, `Product ${uniqueToken()}`);
    const word = `api${uniqueToken()}`;
    const author = await db().user.create({ data: { email: `api-${uniqueToken()}@example.test` }, select: { id: true } });
    const thread = await db().thread.create({
      data: { productId: product.id, authorId: author.id, kind: "QUESTION", title: `Where is the ${word} button`, slug: "where-is-it", language: "en" },
      select: { id: true },
    });

    const response = await get(new URLSearchParams({ title: `${word} ${word}`, productId: product.id }).toString());

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      questions: [{ id: thread.id, title: `Where is the ${word} button`, url: `/t/${thread.id}/where-is-it`, solved: false, productName: product.name }],
    });
  });

  it("refuses a missing, blank or too long title and a malformed product id with 400 problem+json", async () => {
    for (const query of ["", "title=%20%20", `title=${"x".repeat(151)}`, "title=fan%20noise&productId=%27%3B--"]) {
      const response = await get(query);
      expect(response.status, query).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect((await response.json()).errors.length).toBeGreaterThan(0);
    }
  });
});
