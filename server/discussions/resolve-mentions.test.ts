import { randomBytes, randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/server/db/generated/prisma/client";
import { getConsentText } from "@/lib/consent/consent-texts";
import { joinCommunity } from "@/server/membership/join-community";
import { renderPostMarkdown } from "./render-post-markdown";
import { MAX_MENTIONS_PER_POST, resolveMentions } from "./resolve-mentions";

// db() reuses the client stored here, so this one (same database, query events on) lets the
// tests count the statements resolveMentions really sends.
const client = new PrismaClient({
  adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "" }),
  log: [{ emit: "event", level: "query" }],
});
(globalThis as unknown as { entraidePrisma?: PrismaClient }).entraidePrisma = client;
const statements: string[] = [];
client.$on("query", (event) => statements.push(event.query));

const unique = () => randomBytes(4).toString("hex");

async function createUser(displayName: string, { member = true }: { member?: boolean } = {}) {
  const user = await client.user.create({ data: { email: `mention-${unique()}@example.test`, displayName }, select: { id: true } });
  if (member) {
    await joinCommunity({
      userId: user.id,
      choices: { community: true, ownerBadge: false },
      textVersions: { community: getConsentText("COMMUNITY_MEMBERSHIP", "GRANTED", "en").version, ownerBadge: getConsentText("OWNER_BADGE", "GRANTED", "en").version },
      locale: "en",
      source: "JOIN_PAGE",
      channel: "WEB",
      requestId: randomUUID(),
    });
  }
  return user.id;
}

async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; count: number }> {
  const before = statements.length;
  const result = await work();
  return { result, count: statements.length - before };
}

const suffix = unique();
const names = { alice: `Alice${suffix}`, twoWords: `Marie Claire${suffix}`, accented: `Élodie${suffix}`, outsider: `Customer${suffix}`, gone: `Gone${suffix}` };
const ids: Record<string, string> = {};

beforeAll(async () => {
  ids.alice = await createUser(names.alice);
  ids.twoWords = await createUser(names.twoWords);
  ids.accented = await createUser(names.accented);
  ids.outsider = await createUser(names.outsider, { member: false });
  ids.gone = await createUser(names.gone);
  await client.user.update({ where: { id: ids.gone }, data: { deletedAt: new Date() } });
});

afterAll(async () => {
  await client.$disconnect();
});

describe("resolveMentions", () => {
  it("resolves every name of a post with one query, case-insensitively and without spaces", async () => {
    const { result, count } = await countStatements(() =>
      resolveMentions([names.alice.toUpperCase(), `MarieClaire${suffix}`.toLowerCase(), `élodie${suffix}`, `nobody${suffix}`]),
    );
    expect(count).toBe(1);
    expect(result.get(names.alice.toLowerCase())).toEqual({ id: ids.alice, displayName: names.alice });
    expect(result.get(`marieclaire${suffix}`)).toEqual({ id: ids.twoWords, displayName: names.twoWords });
    expect(result.get(`élodie${suffix}`)).toEqual({ id: ids.accented, displayName: names.accented });
    expect(result.has(`nobody${suffix}`)).toBe(false);
  });

  it("never resolves customers who are not members, nor deleted accounts", async () => {
    const result = await resolveMentions([names.outsider, names.gone]);
    expect(result.size).toBe(0);
  });

  it("sends no query when there is no name", async () => {
    const { result, count } = await countStatements(() => resolveMentions([]));
    expect(count).toBe(0);
    expect(result.size).toBe(0);
  });

  it("looks up at most MAX_MENTIONS_PER_POST names", async () => {
    const many = Array.from({ length: MAX_MENTIONS_PER_POST + 20 }, (_, index) => `nobody${index}${suffix}`);
    const { result, count } = await countStatements(() => resolveMentions([names.alice, ...many]));
    expect(count).toBe(1);
    expect([...result.values()]).toEqual([{ id: ids.alice, displayName: names.alice }]);
  });
});

describe("renderPostMarkdown with mentions", () => {
  it("links known members, leaves unknown names, code and link text alone, with one query", async () => {
    const markdown = `Thanks @${names.alice}, @MarieClaire${suffix} and @nobody${suffix}! Mail a@${names.alice}.test, \`@${names.alice}\`, [@${names.alice}](https://x.example)`;
    const { result: html, count } = await countStatements(() => renderPostMarkdown(markdown, { resolveMentions }));
    expect(count).toBe(1);
    expect(html).toBe(
      `<p>Thanks <a class="mention" href="/members/${ids.alice}" rel="nofollow ugc noopener">@${names.alice}</a>, ` +
        `<a class="mention" href="/members/${ids.twoWords}" rel="nofollow ugc noopener">@MarieClaire${suffix}</a> and @nobody${suffix}! ` +
        `Mail a@${names.alice}.test, <code>@${names.alice}</code>, <a href="https://x.example" rel="nofollow ugc noopener">@${names.alice}</a></p>`,
    );
  });

  it("treats trailing punctuation as punctuation", async () => {
    const html = await renderPostMarkdown(`Ask @${names.alice}. Or @${names.alice}-`, { resolveMentions });
    expect(html).toBe(
      `<p>Ask <a class="mention" href="/members/${ids.alice}" rel="nofollow ugc noopener">@${names.alice}</a>. Or <a class="mention" href="/members/${ids.alice}" rel="nofollow ugc noopener">@${names.alice}</a>-</p>`,
    );
  });

  it("keeps mentions as text when no resolver is given", async () => {
    expect(await renderPostMarkdown(`hi @${names.alice}`)).toBe(`<p>hi @${names.alice}</p>`);
  });
});

describe("mention syntax", () => {
  it("leaves a possessive out of the name and keeps emphasis around a mention", async () => {
    const html = await renderPostMarkdown(`@${names.alice}'s answer, _@${names.alice}_ and **@${names.alice}**`, { resolveMentions });
    const link = `<a class="mention" href="/members/${ids.alice}" rel="nofollow ugc noopener">@${names.alice}</a>`;
    expect(html).toBe(`<p>${link}'s answer, <em>${link}</em> and <strong>${link}</strong></p>`);
  });
});
