import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { TextLink } from "@/components/ui/text-link";
import { isDevMailboxEnabled } from "@/server/mail/is-dev-mailbox-enabled";
import { getDevMail } from "@/server/mail/get-dev-mail";
import { findOneClickUnsubscribeUrl } from "@/server/mail/find-one-click-unsubscribe-url";
import { OneClickUnsubscribeForm } from "@/components/mailbox/one-click-unsubscribe-form";

const VIEWS = ["html", "text", "headers"] as const;
type View = (typeof VIEWS)[number];

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ view?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("mailbox");
  const mail = isDevMailboxEnabled() ? await getDevMail((await params).id) : null;
  return { title: mail ? `${mail.subject} · ${t("title")}` : t("title"), robots: { index: false, follow: false } };
}

/**
 * Links in the HTML view open in the whole tab (the sandbox blocks scripts, and a link followed
 * inside the frame would load the app in a box); `<base target="_top">` makes that the default.
 */
function withTopLevelLinks(html: string): string {
  const base = '<base target="_top">';
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}${base}`) : `${base}${html}`;
}

/** Plain text with its http(s) addresses made clickable (the sign-in link, mostly). */
function TextWithLinks({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part} className="break-all text-brand-700 underline underline-offset-2 dark:text-brand-300">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

export default async function DevMailPage({ params, searchParams }: Props) {
  await connection();
  if (!isDevMailboxEnabled()) notFound();
  const [{ id }, { view: rawView }] = await Promise.all([params, searchParams]);
  const view: View | undefined = rawView === undefined ? "html" : VIEWS.find((v) => v === rawView);
  if (!view) notFound();
  const mail = await getDevMail(id);
  if (!mail) notFound();
  const [t, format] = await Promise.all([getTranslations("mailbox"), getFormatter()]);
  const oneClickUrl = findOneClickUnsubscribeUrl(mail.headers);

  const summary: [string, string][] = [
    [t("from"), mail.from],
    [t("to"), mail.to],
    [t("date"), format.dateTime(mail.createdAt, { dateStyle: "full", timeStyle: "medium" })],
    [t("messageId"), mail.messageId],
  ];

  return (
    <>
      <p className="mb-4">
        <TextLink href="/dev/mailbox">
          <span aria-hidden="true">← </span>
          {t("back")}
        </TextLink>
      </p>
      <h1 className="text-2xl font-semibold break-words">{mail.subject || t("noSubject")}</h1>
      <dl className="mt-4 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        {summary.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-medium text-zinc-600 dark:text-zinc-400">{term}</dt>
            <dd className="mb-2 break-all sm:mb-0">{value}</dd>
          </div>
        ))}
      </dl>
      {oneClickUrl && <OneClickUnsubscribeForm mailId={mail.id} url={oneClickUrl} />}

      <nav aria-label={t("views.label")} className="mt-6 border-b border-zinc-200 dark:border-zinc-800">
        <ul className="flex gap-1">
          {VIEWS.map((option) => (
            <li key={option}>
              <Link
                href={option === "html" ? `/dev/mailbox/${mail.id}` : `/dev/mailbox/${mail.id}?view=${option}`}
                aria-current={option === view ? "true" : undefined}
                className="-mb-px inline-block rounded-t-md border border-transparent px-3 py-2 text-sm font-medium text-zinc-700 hover:text-zinc-950 aria-[current=true]:border-zinc-200 aria-[current=true]:border-b-white aria-[current=true]:bg-white aria-[current=true]:text-zinc-950 dark:text-zinc-300 dark:hover:text-white dark:aria-[current=true]:border-zinc-800 dark:aria-[current=true]:border-b-zinc-950 dark:aria-[current=true]:bg-zinc-950 dark:aria-[current=true]:text-white"
              >
                {t(`views.${option}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-label={t(`views.${view}`)} className="mt-4">
        {view === "html" &&
          (mail.html ? (
            <iframe
              title={t("htmlFrameTitle", { subject: mail.subject })}
              srcDoc={withTopLevelLinks(mail.html)}
              // No allow-scripts and no allow-same-origin: the mail cannot run code or read the app.
              sandbox="allow-top-navigation-by-user-activation allow-popups allow-popups-to-escape-sandbox"
              referrerPolicy="no-referrer"
              className="h-[36rem] w-full rounded-lg border border-zinc-200 bg-white dark:border-zinc-800"
            />
          ) : (
            <p>{t("noHtml")}</p>
          ))}
        {view === "text" && (
          <pre className="overflow-x-auto rounded-lg border border-zinc-200 bg-zinc-50 p-4 text-sm break-words whitespace-pre-wrap dark:border-zinc-800 dark:bg-zinc-900">
            <TextWithLinks text={mail.text} />
          </pre>
        )}
        {view === "headers" && (
          <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
            <table className="w-full text-left text-sm">
              <thead className="bg-zinc-50 dark:bg-zinc-900">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">{t("headerName")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("headerValue")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200 font-mono dark:divide-zinc-800">
                {mail.headers.map((header, index) => (
                  <tr key={`${header.name}-${index}`}>
                    <th scope="row" className="px-3 py-2 align-top font-medium whitespace-nowrap">{header.name}</th>
                    <td className="px-3 py-2 break-all">{header.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
