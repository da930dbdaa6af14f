import { test, expect } from "./support/test";
import { becomeMember } from "./support/membership";
import { uniqueEmail } from "./support/shop";
import { xssPayloads } from "../test/xss-payloads";

test("known XSS payloads posted by a member render inert in Chromium", async ({ page, mail }) => {
  test.slow();
  expect(xssPayloads.length).toBeGreaterThanOrEqual(50);
  const dialogs: string[] = [];
  const foreignRequests: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("request", (request) => {
    const host = new URL(request.url()).hostname;
    if (host !== "localhost" && host !== "127.0.0.1") foreignRequests.push(request.url());
  });

  await becomeMember(page, mail, uniqueEmail("mallory"));
  await page.goto("/p/kestrel-n4-1-tb-nvme-ssd/ask");
  await page.getByLabel("Type of post").selectOption("DISCUSSION");
  await page.getByLabel("Title").fill("A collection of strange characters");
  await page.getByLabel("Details").fill(xssPayloads.join("\n\n"));
  await page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "A collection of strange characters" })).toBeVisible();

  // Touch everything a payload could hook: hover, focus and click every element of the post.
  const post = page.locator(".prose-post").first();
  const elements = post.locator("*");
  const count = await elements.count();
  for (let i = 0; i < count; i++) {
    const element = elements.nth(i);
    await element.hover({ trial: false, timeout: 1_000 }).catch(() => {});
    await element.focus().catch(() => {});
  }
  await page.waitForTimeout(500);

  const findings = await post.evaluate((root) => {
    const bad: string[] = [];
    for (const el of [root, ...root.querySelectorAll("*")]) {
      if (/^(script|iframe|object|embed|svg|math|style|form|input|img|video|audio|base|meta|link)$/i.test(el.tagName)) bad.push(`<${el.tagName.toLowerCase()}>`);
      for (const attribute of el.attributes) {
        if (/^on/i.test(attribute.name)) bad.push(`${el.tagName.toLowerCase()}[${attribute.name}]`);
        if (/^(href|src|action|formaction|xlink:href)$/i.test(attribute.name) && !/^(https?:|mailto:|\/|#)/i.test(attribute.value.trim())) {
          bad.push(`${el.tagName.toLowerCase()}[${attribute.name}=${attribute.value}]`);
        }
      }
    }
    return { bad, flagged: (window as unknown as { __xss?: unknown }).__xss ?? null };
  });
  expect(findings.bad).toEqual([]);
  expect(findings.flagged).toBeNull();
  expect(dialogs).toEqual([]);
  expect(foreignRequests).toEqual([]);
  // The text is still there, shown as text.
  await expect(post).toContainText("<script>alert(1)</script>");
});
