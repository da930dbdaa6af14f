import { getTranslations } from "next-intl/server";

export default async function HomePage() {
  const t = await getTranslations("common");
  return <main id="main" className="p-6"><h1 className="text-2xl font-semibold">{t("appName")}</h1></main>;
}
