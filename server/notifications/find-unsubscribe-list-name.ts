import "server-only";
import { db } from "@/server/db/client";
import type { AppLocale } from "@/lib/i18n/locales";
import { emailTranslator } from "./email-translator";
import type { UnsubscribeList } from "./unsubscribe-list";

/** What a list is called in e-mails (List-Id's name) and on the unsubscribe page, in `locale`. */
export async function findUnsubscribeListName(list: UnsubscribeList, locale: AppLocale): Promise<string> {
  const { t } = emailTranslator(locale);
  switch (list.type) {
    case "digest":
      return t("lists.digest");
    case "personal":
      return t(`lists.personal.${list.event}`);
    case "product": {
      const product = await db().product.findUnique({ where: { id: list.id }, select: { name: true } });
      return product ? t("lists.product", { name: product.name }) : t("lists.unknown");
    }
    case "category": {
      const category = await db().category.findUnique({ where: { id: list.id }, select: { name: true } });
      return category ? t("lists.category", { name: category.name }) : t("lists.unknown");
    }
    case "thread": {
      const thread = await db().thread.findUnique({ where: { id: list.id }, select: { title: true } });
      return thread ? t("lists.thread", { name: thread.title }) : t("lists.unknown");
    }
  }
}
