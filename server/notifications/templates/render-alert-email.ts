import "server-only";
import type { AppLocale } from "@/lib/i18n/locales";
import { emailTranslator } from "../email-translator";
import { escapeHtml } from "./escape-html";

const PERSONAL_REASONS = ["REPLY_TO_MY_POST", "MENTION", "ANSWER_TO_MY_QUESTION", "ANSWER_ACCEPTED"] as const;
type PersonalReason = (typeof PERSONAL_REASONS)[number];
const isPersonalReason = (reason: string): reason is PersonalReason => (PERSONAL_REASONS as readonly string[]).includes(reason);

const KNOWN_SOURCES = ["PRODUCT_PAGE", "CATEGORY_PAGE", "THREAD_PAGE", "PREFERENCE_CENTER"] as const;

export type AlertEmailInput = {
  locale: AppLocale;
  /** NotificationReason of the delivery. */
  reason: string;
  /** NotificationEventKind of the event. */
  eventKind: string;
  productName: string;
  threadTitle: string;
  actorName: string;
  /** Plain-text excerpt of the post. */
  excerpt: string;
  postUrl: string;
  preferenceUrl: string;
  unsubscribeUrl: string;
  listName: string;
  /** For watching reasons: what the member chose, where and when ("you chose to watch … on 3 March"). */
  watch: { targetName: string; targetType: "product" | "category" | "thread"; level: string; source: string; chosenAt: Date; timeZone: string } | null;
};

export type RenderedEmail = { subject: string; text: string; html: string };

function safeTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

/**
 * One alert e-mail in the recipient's language: what happened (subject, the post's excerpt), why
 * they get it (the choice they made, where and when, or the personal event they chose e-mail for),
 * and three links: the post, the preference center, one-click unsubscribe from this list.
 */
export function renderAlertEmail(input: AlertEmailInput): RenderedEmail {
  const { t, appName } = emailTranslator(input.locale);
  const values = { product: input.productName, title: input.threadTitle, actor: input.actorName };
  const subject = isPersonalReason(input.reason)
    ? t(`alert.subject.${input.reason}`, values)
    : input.eventKind === "THREAD_CREATED"
      ? t("alert.subject.THREAD_CREATED", values)
      : t("alert.subject.REPLY_POSTED", values);

  let why: string;
  if (isPersonalReason(input.reason)) {
    why = t(`alert.why.${input.reason}`);
  } else if (input.watch) {
    const levelKey = input.watch.targetType === "thread" && input.watch.level === "EVERYTHING" ? "WATCHING" : input.watch.level === "NEW_THREADS" ? "NEW_THREADS" : "EVERYTHING";
    const sourceKey = KNOWN_SOURCES.find((source) => source === input.watch?.source) ?? "other";
    why = t("alert.why.watching", {
      name: input.watch.targetName,
      level: t(`alert.levels.${levelKey}`),
      date: new Intl.DateTimeFormat(input.locale, { dateStyle: "long", timeZone: safeTimeZone(input.watch.timeZone) }).format(input.watch.chosenAt),
      source: t(`alert.sources.${sourceKey}`),
    });
  } else {
    why = "";
  }

  const wrote = t("alert.wrote", values);
  const unsubscribeLabel = t("alert.unsubscribe", { list: input.listName });
  const text = [
    subject,
    "",
    wrote,
    ...input.excerpt.split("\n").map((line) => `> ${line}`),
    "",
    `${t("alert.viewPost")}: ${input.postUrl}`,
    "",
    "-- ",
    why,
    "",
    t("alert.preferencesText"),
    input.preferenceUrl,
    "",
    t("alert.unsubscribeText", { list: input.listName }),
    input.unsubscribeUrl,
    "",
    t("alert.footer"),
    `— ${appName}`,
  ].join("\n");

  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="${input.locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>${e(subject)}</title></head>
<body style="margin:0;padding:16px;background:#f4f4f5;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#18181b;">
  <div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px;">
    <p style="margin:0 0 16px;font-weight:600;">${e(appName)}</p>
    <h1 style="margin:0 0 16px;font-size:20px;line-height:1.3;">${e(subject)}</h1>
    <p style="margin:0 0 8px;color:#52525b;">${e(wrote)}</p>
    <blockquote style="margin:0 0 20px;padding:8px 12px;border-left:3px solid #d4d4d8;white-space:pre-line;">${e(input.excerpt)}</blockquote>
    <p style="margin:0 0 24px;"><a href="${e(input.postUrl)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;text-decoration:none;font-weight:600;padding:12px 20px;border-radius:6px;">${e(t("alert.viewPost"))}</a></p>
    <hr style="border:0;border-top:1px solid #e4e4e7;margin:0 0 16px;">
    <p style="margin:0 0 12px;font-size:14px;color:#52525b;">${e(why)}</p>
    <p style="margin:0 0 8px;font-size:14px;"><a href="${e(input.preferenceUrl)}" style="color:#1d4ed8;">${e(t("alert.preferences"))}</a></p>
    <p style="margin:0 0 12px;font-size:14px;"><a href="${e(input.unsubscribeUrl)}" style="color:#1d4ed8;">${e(unsubscribeLabel)}</a></p>
    <p style="margin:0;font-size:13px;color:#52525b;">${e(t("alert.footer"))}</p>
  </div>
</body>
</html>`;
  return { subject, text, html };
}
