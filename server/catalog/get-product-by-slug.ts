import "server-only";
import { db } from "@/server/db/client";
import { isWellFormedSlug } from "@/lib/catalog/catalog-paths";

export type ProductDetail = {
  id: string;
  slug: string;
  sku: string;
  name: string;
  shortDescription: string | null;
  listedAt: Date;
  updatedAt: Date;
  category: { slug: string; name: string };
};

export async function getProductBySlug(slug: string): Promise<ProductDetail | null> {
  if (!isWellFormedSlug(slug)) return null;
  const row = await db().product.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      sku: true,
      name: true,
      shortDescription: true,
      createdAt: true,
      updatedAt: true,
      category: { select: { slug: true, name: true } },
    },
  });
  if (!row) return null;
  const { createdAt, ...rest } = row;
  return { ...rest, listedAt: createdAt };
}
