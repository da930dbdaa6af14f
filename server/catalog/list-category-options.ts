import "server-only";
import { db } from "@/server/db/client";

/** Every category's slug and name, for a filter menu (a shop has tens of categories, not thousands). */
export async function listCategoryOptions(): Promise<{ slug: string; name: string }[]> {
  return db().category.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" }, take: 200 });
}
