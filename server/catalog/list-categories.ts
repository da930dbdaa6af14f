import "server-only";
import { db } from "@/server/db/client";
import { countPages, type Paged } from "@/lib/pagination";

export type ProductLink = { slug: string; name: string };

export type CategorySummary = {
  slug: string;
  name: string;
  productCount: number;
  /** The products most bought by community members first, so newcomers see where help is. */
  topProducts: ProductLink[];
};

export type ListCategoriesInput = {
  page: number;
  pageSize: number;
  topProductsPerCategory: number;
};

/** Categories in name order, each with its product count and a few of its products. */
export async function listCategories({ page, pageSize, topProductsPerCategory }: ListCategoriesInput): Promise<Paged<CategorySummary>> {
  const [total, rows] = await Promise.all([
    db().category.count(),
    db().category.findMany({
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        slug: true,
        name: true,
        _count: { select: { products: true } },
        products: {
          take: topProductsPerCategory,
          orderBy: [{ purchases: { _count: "desc" } }, { name: "asc" }, { id: "asc" }],
          select: { slug: true, name: true },
        },
      },
    }),
  ]);
  return {
    items: rows.map((row) => ({
      slug: row.slug,
      name: row.name,
      productCount: row._count.products,
      topProducts: row.products,
    })),
    page,
    pageSize,
    total,
    pageCount: countPages(total, pageSize),
  };
}
