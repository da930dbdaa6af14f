import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { ModerationNav } from "@/components/moderation/moderation-nav";
import { MODERATION_SECTIONS } from "@/lib/moderation/moderation-paths";
import { hasPermission } from "@/lib/moderation/permissions";
import { getCurrentUser } from "@/server/auth/get-current-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("moderation");
  return { title: { default: t("title"), template: `%s · ${t("title")}` }, robots: { index: false } };
}

/**
 * The dashboard's frame. Signed in without "moderation.access": a plain 404, so the dashboard's
 * existence is not revealed. Signed out: no frame; the page itself sends the person to sign in
 * and back to its own address (every page under /moderation starts with requireUser(itsPath):
 * a layout cannot see the URL, so redirecting here would always come back to /moderation).
 * The role comes from the database (getCurrentUser), and every page and server function checks
 * its own permission again.
 */
export default async function ModerationLayout({ children }: { children: ReactNode }) {
  await connection();
  const user = await getCurrentUser();
  if (!user) return children;
  if (!hasPermission(user.role, "moderation.access")) notFound();
  const t = await getTranslations("moderation");
  const items = MODERATION_SECTIONS.filter((section) => hasPermission(user.role, section.permission)).map((section) => ({
    href: section.href,
    label: t(`nav.${section.key}`),
  }));
  return (
    <div className="flex flex-col gap-6 md:flex-row">
      <div className="md:w-52 md:shrink-0">
        <ModerationNav label={t("nav.label")} items={items} />
      </div>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
