import "server-only";
import { isWellFormedSlug } from "@/lib/catalog/catalog-paths";
import { db } from "@/server/db/client";

export type AskableProduct = { id: string; slug: string; name: string; category: { slug: string; name: string } };

/** The product a new thread is about, as the ask page needs it (the id feeds similar-question suggestions). */
export async function getAskableProduct(slug: string): Promise<AskableProduct | null> {
  if (!isWellFormedSlug(slug)) return null;
  return db().product.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, category: { select: { slug: true, name: true } } },
  });
}
