import "server-only";
import type { AppLocale } from "@/lib/i18n/locales";
import { emailTranslator } from "../email-translator";
import { escapeHtml } from "./escape-html";

export type UnsubscribePageState =
  /** GET/HEAD: nothing changed yet; one button that POSTs List-Unsubscribe=One-Click. */
  | { kind: "confirm"; withdrawalText: string }
  /** After the POST: unsubscribed; the undo form, when undo is still possible. */
  | { kind: "done"; grantText: string }
  | { kind: "undone" }
  | { kind: "undoUnavailable" };

export type UnsubscribePageInput = {
  locale: AppLocale;
  listName: string;
  /** The page's own path, /unsubscribe/<token>: forms post to it (and to …/undo). */
  path: string;
  preferenceUrl: string;
  state: UnsubscribePageState;
};

// No scripts, no external resources: the page works in any browser and under a strict CSP.
const STYLE = `
:root{color-scheme:light dark;--bg:#f4f4f5;--card:#fff;--text:#18181b;--muted:#52525b;--border:#d4d4d8;--brand:#1d4ed8;--brand-text:#fff;--link:#1d4ed8;--focus:#1d4ed8}
@media (prefers-color-scheme:dark){:root{--bg:#09090b;--card:#18181b;--text:#f4f4f5;--muted:#d4d4d8;--border:#3f3f46;--brand:#93c5fd;--brand-text:#0b1220;--link:#93c5fd;--focus:#93c5fd}}
*{box-sizing:border-box}
body{margin:0;padding:16px;background:var(--bg);color:var(--text);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:36rem;margin:0 auto;background:var(--card);border:1px solid var(--border);border-radius:8px;padding:20px}
h1{font-size:1.375rem;line-height:1.3;margin:0 0 12px;overflow-wrap:anywhere}
h2{font-size:1.0625rem;margin:20px 0 8px}
p{margin:0 0 12px}
.muted{color:var(--muted);font-size:.9375rem}
blockquote{margin:0 0 16px;padding:8px 12px;border-left:3px solid var(--border);color:var(--muted);font-size:.9375rem}
form{margin:0 0 16px}
button{font:inherit;font-weight:600;min-height:44px;padding:10px 18px;border-radius:6px;border:2px solid var(--brand);background:var(--brand);color:var(--brand-text);cursor:pointer;max-width:100%}
button.secondary{background:transparent;color:var(--link)}
a{color:var(--link);text-underline-offset:3px}
a:focus-visible,button:focus-visible{outline:3px solid var(--focus);outline-offset:3px}
.app{font-weight:600;margin:0 0 16px}
`;

function page(locale: AppLocale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

const oneClickField = '<input type="hidden" name="List-Unsubscribe" value="One-Click">';

/**
 * The HTML of /unsubscribe/<token> in the member's language. GET shows the question and one button
 * that POSTs exactly what a mail client's one-click POST sends; the POST answers with this page
 * in its "done" state (200, no redirect), offering the undo.
 */
export function renderUnsubscribePage({ locale, listName, path, preferenceUrl, state }: UnsubscribePageInput): string {
  const { t, appName } = emailTranslator(locale);
  const preferences = `<p><a href="${escapeHtml(preferenceUrl)}">${escapeHtml(t("unsubscribe.preferencesLink"))}</a></p>`;
  const header = `<p class="app">${escapeHtml(appName)}</p>`;
  let heading: string;
  let content: string;
  switch (state.kind) {
    case "confirm":
      heading = t("unsubscribe.confirmHeading", { list: listName });
      content = `<p>${escapeHtml(t("unsubscribe.confirmIntro"))}</p>
<p class="muted" id="meaning">${escapeHtml(t("unsubscribe.meaning"))}</p>
<blockquote>${escapeHtml(state.withdrawalText)}</blockquote>
<form method="post" action="${escapeHtml(path)}">${oneClickField}<button type="submit" aria-describedby="meaning">${escapeHtml(t("unsubscribe.button"))}</button></form>`;
      break;
    case "done":
      heading = t("unsubscribe.doneHeading", { list: listName });
      content = `<p>${escapeHtml(t("unsubscribe.doneIntro"))}</p>
<h2>${escapeHtml(t("unsubscribe.undoIntro"))}</h2>
<blockquote id="undo-meaning">${escapeHtml(state.grantText)}</blockquote>
<form method="post" action="${escapeHtml(`${path}/undo`)}">${oneClickField}<button type="submit" class="secondary" aria-describedby="undo-meaning">${escapeHtml(t("unsubscribe.undoButton"))}</button></form>`;
      break;
    case "undone":
      heading = t("unsubscribe.undoneHeading", { list: listName });
      content = `<p>${escapeHtml(t("unsubscribe.undoneIntro"))}</p>`;
      break;
    case "undoUnavailable":
      heading = t("unsubscribe.doneHeading", { list: listName });
      content = `<p>${escapeHtml(t("unsubscribe.undoUnavailable"))}</p>`;
      break;
  }
  return page(locale, `${heading} · ${appName}`, `${header}<h1>${escapeHtml(heading)}</h1>\n${content}\n${preferences}`);
}

/**
 * The one answer to every invalid link (forged, truncated, another kind, unknown account), the
 * same bytes whatever the link or the method, so nothing can be learnt from comparing answers.
 */
export const INVALID_UNSUBSCRIBE_LINK_HTML = page(
  "en",
  "Link not valid · Lien non valide",
  `<h1>This unsubscribe link is not valid</h1>
<p>Check that the whole link was copied. You can also sign in and change your alerts from your account.</p>
<h2 lang="fr">Ce lien de désabonnement n’est pas valide</h2>
<p lang="fr">Vérifiez que le lien a été copié en entier. Vous pouvez aussi vous connecter et modifier vos alertes depuis votre compte.</p>`,
);
