import "server-only";
import { createTranslator } from "next-intl";
import type { AppLocale } from "@/lib/i18n/locales";
import enAuth from "@/messages/en/auth.json";
import frAuth from "@/messages/fr/auth.json";
import enCommon from "@/messages/en/common.json";
import frCommon from "@/messages/fr/common.json";

const catalogs = { en: { auth: enAuth, common: enCommon }, fr: { auth: frAuth, common: frCommon } } as const;

export interface SignInEmail {
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

/**
 * The sign-in e-mail in the recipient's language. It is transactional: it only carries the
 * link, and says plainly that signing in subscribes the person to nothing.
 */
export function buildSignInEmail({ link, locale, validForMinutes }: { link: string; locale: AppLocale; validForMinutes: number }): SignInEmail {
  const messages = catalogs[locale];
  const t = createTranslator({ locale, messages, namespace: "auth.email" });
  const appName = messages.common.appName;
  const values = { appName, minutes: validForMinutes };

  const subject = t("subject", values);
  const paragraphs = [t("intro", values), t("validity", values)];
  const text = [
    t("greeting"),
    "",
    ...paragraphs.flatMap((p) => [p, ""]),
    link,
    "",
    t("notYou", values),
    t("noSubscription", values),
    "",
    `— ${appName}`,
  ].join("\n");

  const safeLink = escapeHtml(link);
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f4f5;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#18181b;">
  <div style="max-width:520px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px;">
    <h1 style="margin:0 0 16px;font-size:20px;">${escapeHtml(appName)}</h1>
    <p style="margin:0 0 12px;">${escapeHtml(t("greeting"))}</p>
    ${paragraphs.map((p) => `<p style="margin:0 0 12px;line-height:1.5;">${escapeHtml(p)}</p>`).join("\n    ")}
    <p style="margin:24px 0;"><a href="${safeLink}" style="display:inline-block;background:#1d4ed8;color:#ffffff;text-decoration:none;font-weight:600;padding:12px 20px;border-radius:6px;">${escapeHtml(t("button", values))}</a></p>
    <p style="margin:0 0 8px;font-size:14px;color:#52525b;">${escapeHtml(t("copyLink"))}</p>
    <p style="margin:0 0 24px;font-size:14px;word-break:break-all;"><a href="${safeLink}" style="color:#1d4ed8;">${safeLink}</a></p>
    <p style="margin:0 0 8px;font-size:14px;color:#52525b;">${escapeHtml(t("notYou", values))}</p>
    <p style="margin:0;font-size:14px;color:#52525b;">${escapeHtml(t("noSubscription", values))}</p>
  </div>
</body>
</html>`;

  return { subject, text, html };
}
