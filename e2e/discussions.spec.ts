import { randomBytes } from "node:crypto";
import { test, expect } from "./support/test";
import { becomeMember } from "./support/membership";
import { uniqueEmail } from "./support/shop";

test("a member asks, another answers, a third replies, the author accepts, and search finds it solved", async ({ page, browser, mail }) => {
  test.slow();
  const tag = randomBytes(3).toString("hex");
  const title = `Le disque chauffe pendant les copies ${tag}`;
  const answer = `Mettez à jour le micrologiciel, puis ajoutez un dissipateur ${tag}.`;
  const followUp = `Merci, le dissipateur a suffi chez moi aussi ${tag}.`;

  // The asker.
  await becomeMember(page, mail, uniqueEmail("asker"));
  await page.goto("/p/kestrel-n4-1-tb-nvme-ssd");
  await page.getByRole("link", { name: "Ask a question" }).click();
  await page.getByLabel("Type of post").selectOption("QUESTION");
  await page.getByLabel("Title").fill("Court");
  await page.getByLabel("Details").fill("");
  await page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(page.getByText("The title needs at least", { exact: false })).toBeVisible();
  await expect(page.getByText("Write something before posting.")).toBeVisible();

  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Details").fill("Quand je copie des fichiers **volumineux**, le disque chauffe énormément. Est-ce normal ?");
  await page.getByLabel("Language of your post").selectOption("fr");
  await page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const threadUrl = page.url();
  await expect(page.locator("strong", { hasText: "volumineux" })).toBeVisible();

  // Another member answers the question.
  const answererContext = await browser.newContext();
  const answerer = await answererContext.newPage();
  await becomeMember(answerer, mail, uniqueEmail("answerer"));
  await answerer.goto(threadUrl);
  await answerer.getByRole("textbox", { name: "Reply" }).last().fill(answer);
  await answerer.getByRole("button", { name: "Post reply" }).last().click();
  await expect(answerer.locator(".prose-post", { hasText: answer })).toBeVisible();

  // A third replies to that answer, nested under it.
  const thirdContext = await browser.newContext();
  const third = await thirdContext.newPage();
  await becomeMember(third, mail, uniqueEmail("third"));
  await third.goto(threadUrl);
  const answerPost = third.locator('[id^="post-"]').filter({ hasText: answer }).first();
  await answerPost.getByText("Reply", { exact: true }).first().click();
  await answerPost.getByRole("textbox", { name: "Reply" }).fill(followUp);
  await answerPost.getByRole("button", { name: "Post reply" }).click();
  await expect(third.locator(".prose-post", { hasText: followUp })).toBeVisible();

  // Someone else cannot edit the question.
  const questionPostId = await page.locator('[id^="post-"]').first().getAttribute("id");
  const editHref = await page.locator(`#${questionPostId}`).getByRole("link", { name: "Edit" }).getAttribute("href");
  expect(editHref).toBeTruthy();
  await third.goto(editHref!);
  await expect(third.getByText("Only the author can edit this post.")).toBeVisible();
  await answererContext.close();
  await thirdContext.close();

  // The asker accepts the answer: it moves right under the question and the thread is solved.
  await page.reload();
  await page.locator('[id^="post-"]').filter({ hasText: answer }).last().getByRole("button", { name: "Accept this answer" }).click();
  await expect(page.getByText("Accepted answer").first()).toBeVisible();
  await expect(page.getByText("Solved").first()).toBeVisible();

  // Found by search from another form of the French word ("chauffer" → "chauffe"), shown solved.
  await page.goto(`/search?q=${encodeURIComponent(`chauffer ${tag}`)}`);
  const result = page.getByRole("link", { name: title });
  await expect(result).toBeVisible();

  // A signed-out visitor reads everything but is invited to sign in to reply.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(threadUrl);
  await expect(visitor.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(visitor.locator(".prose-post", { hasText: followUp })).toBeVisible();
  await expect(visitor.getByRole("link", { name: "Sign in to reply" }).first()).toBeVisible();
  await visitorContext.close();
});
