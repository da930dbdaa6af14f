import "server-only";
import type { AppLocale } from "@/lib/i18n/locales";
import { emailTranslator } from "../email-translator";
import { escapeHtml } from "./escape-html";
import type { RenderedEmail } from "./render-alert-email";

const PERSONAL_REASONS = ["REPLY_TO_MY_POST", "MENTION", "ANSWER_TO_MY_QUESTION", "ANSWER_ACCEPTED"] as const;
type PersonalReason = (typeof PERSONAL_REASONS)[number];
const isPersonalReason = (reason: string): reason is PersonalReason => (PERSONAL_REASONS as readonly string[]).includes(reason);

/** Why one thread is in the digest: a personal event, or what the member chose to watch and when. */
export type DigestReason = { reason: string; watch: { name: string; chosenAt: Date } | null };

export type DigestThread = {
  title: string;
  url: string;
  /** How many new posts of this thread the digest covers. */
  postCount: number;
  /** The first few of them (oldest first), with a plain-text excerpt. */
  posts: { actorName: string; excerpt: string }[];
  reasons: DigestReason[];
};

export type DigestEmailInput = {
  locale: AppLocale;
  frequency: "DAILY" | "WEEKLY";
  /** In display order, each with its threads in display order. */
  products: { name: string; threads: DigestThread[] }[];
  /** New posts and threads in total (including threads left out for length). */
  postCount: number;
  threadCount: number;
  /** Threads not shown, for length. */
  moreThreads: number;
  timeZone: string;
  notificationsUrl: string;
  preferenceUrl: string;
  unsubscribeUrl: string;
};

function safeTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

/**
 * One daily or weekly digest e-mail in the member's language: grouped by product, then thread
 * (title and link, how many new posts, the first excerpts, why the thread is there), then why the
 * digest exists and two links: the preference center, one-click unsubscribe from digests.
 */
export function renderDigestEmail(input: DigestEmailInput): RenderedEmail {
  const { t, appName } = emailTranslator(input.locale);
  const subject = t(`digest.subject.${input.frequency}`, { posts: input.postCount, threads: input.threadCount });
  const heading = t(`digest.heading.${input.frequency}`);
  const dateFormat = new Intl.DateTimeFormat(input.locale, { dateStyle: "long", timeZone: safeTimeZone(input.timeZone) });
  const whyOf = (reason: DigestReason) =>
    isPersonalReason(reason.reason)
      ? t(`digest.why.${reason.reason}`)
      : reason.watch
        ? t("digest.why.watching", { name: reason.watch.name, date: dateFormat.format(reason.watch.chosenAt) })
        : null;
  const whys = (thread: DigestThread) => [...new Set(thread.reasons.map(whyOf).filter((why): why is string => why !== null))];

  const text: string[] = [heading, "", t("digest.intro"), ""];
  for (const product of input.products) {
    text.push(product.name, "=".repeat(Math.min(product.name.length, 60)), "");
    for (const thread of product.threads) {
      text.push(`* ${thread.title} — ${t("digest.newPosts", { count: thread.postCount })}`);
      for (const post of thread.posts) {
        text.push(`  ${t("digest.wrote", { actor: post.actorName })}`, ...post.excerpt.split("\n").map((line) => `  > ${line}`));
      }
      if (thread.postCount > thread.posts.length) text.push(`  ${t("digest.morePosts", { count: thread.postCount - thread.posts.length })}`);
      text.push(`  ${t("digest.openThreadText")} ${thread.url}`);
      for (const why of whys(thread)) text.push(`  ${why}`);
      text.push("");
    }
  }
  if (input.moreThreads > 0) text.push(t("digest.moreThreads", { count: input.moreThreads }), `${t("digest.allNotificationsText")} ${input.notificationsUrl}`, "");
  text.push(
    "-- ",
    t(`digest.whyDigest.${input.frequency}`),
    "",
    t("digest.preferencesText"),
    input.preferenceUrl,
    "",
    t("digest.unsubscribeText"),
    input.unsubscribeUrl,
    "",
    t("digest.footer"),
    `— ${appName}`,
  );

  const e = escapeHtml;
  const productsHtml = input.products
    .map(
      (product) => `    <h2 style="margin:24px 0 8px;font-size:18px;line-height:1.3;border-bottom:1px solid #e4e4e7;padding-bottom:4px;">${e(product.name)}</h2>
${product.threads
  .map(
    (thread) => `    <div style="margin:0 0 20px;">
      <h3 style="margin:0 0 4px;font-size:16px;line-height:1.4;"><a href="${e(thread.url)}" style="color:#1d4ed8;">${e(thread.title)}</a></h3>
      <p style="margin:0 0 8px;font-size:14px;color:#52525b;">${e(t("digest.newPosts", { count: thread.postCount }))}</p>
${thread.posts
  .map(
    (post) => `      <p style="margin:0 0 4px;font-size:14px;color:#52525b;">${e(t("digest.wrote", { actor: post.actorName }))}</p>
      <blockquote style="margin:0 0 8px;padding:4px 12px;border-left:3px solid #d4d4d8;white-space:pre-line;">${e(post.excerpt)}</blockquote>`,
  )
  .join("\n")}
${thread.postCount > thread.posts.length ? `      <p style="margin:0 0 8px;font-size:14px;color:#52525b;">${e(t("digest.morePosts", { count: thread.postCount - thread.posts.length }))}</p>\n` : ""}${whys(thread)
      .map((why) => `      <p style="margin:0;font-size:13px;color:#52525b;">${e(why)}</p>`)
      .join("\n")}
    </div>`,
  )
  .join("\n")}`,
    )
    .join("\n");
  const more =
    input.moreThreads > 0
      ? `    <p style="margin:0 0 20px;">${e(t("digest.moreThreads", { count: input.moreThreads }))} <a href="${e(input.notificationsUrl)}" style="color:#1d4ed8;">${e(t("digest.allNotifications"))}</a></p>\n`
      : "";
  const html = `<!doctype html>
<html lang="${input.locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>${e(subject)}</title></head>
<body style="margin:0;padding:16px;background:#f4f4f5;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#18181b;">
  <div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px;">
    <p style="margin:0 0 16px;font-weight:600;">${e(appName)}</p>
    <h1 style="margin:0 0 8px;font-size:20px;line-height:1.3;">${e(heading)}</h1>
    <p style="margin:0 0 8px;color:#52525b;">${e(t("digest.intro"))}</p>
${productsHtml}
${more}    <hr style="border:0;border-top:1px solid #e4e4e7;margin:0 0 16px;">
    <p style="margin:0 0 12px;font-size:14px;color:#52525b;">${e(t(`digest.whyDigest.${input.frequency}`))}</p>
    <p style="margin:0 0 8px;font-size:14px;"><a href="${e(input.preferenceUrl)}" style="color:#1d4ed8;">${e(t("digest.preferences"))}</a></p>
    <p style="margin:0 0 12px;font-size:14px;"><a href="${e(input.unsubscribeUrl)}" style="color:#1d4ed8;">${e(t("digest.unsubscribe"))}</a></p>
    <p style="margin:0;font-size:13px;color:#52525b;">${e(t("digest.footer"))}</p>
  </div>
</body>
</html>`;
  return { subject, text: text.join("\n"), html };
}
