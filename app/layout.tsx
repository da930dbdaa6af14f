import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { QueryProvider } from "@/components/providers/query-provider";
import { SiteFooter } from "@/components/shell/site-footer";
import { SiteHeader } from "@/components/shell/site-header";
import { SkipLink } from "@/components/shell/skip-link";
import { Container } from "@/components/ui/container";
import { getShopName } from "@/server/catalog/get-shop-name";
import { getSiteUrl } from "@/server/catalog/get-site-url";
import { pickMessages } from "@/lib/i18n/client-messages";
import "./globals.css";
import "./post-content.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return {
    metadataBase: getSiteUrl(),
    title: { default: t("appName"), template: `%s · ${t("appName")}` },
    description: t("tagline"),
  };
}

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

/**
 * Every page renders inside <main id="main"><Container> here: pages start at their <h1> and must
 * not add another <main>. The skip link targets it; tabIndex lets it take focus for screen readers.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col bg-white text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        {/* Only the messages client components read (lib/i18n/client-messages.ts), not the whole catalog. */}
        <NextIntlClientProvider messages={pickMessages(messages)}>
          <QueryProvider>
            <SkipLink />
            <SiteHeader />
            <main id="main" tabIndex={-1} className="flex-1 py-8">
              <Container>{children}</Container>
            </main>
            <SiteFooter shopName={getShopName()} />
          </QueryProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
