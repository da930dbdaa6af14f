import type { CategorySummary } from "@/server/catalog/list-categories";
import { CategoryCard } from "./category-card";

export function CategoryGrid({ categories, headingLevel }: { categories: CategorySummary[]; headingLevel: "h2" | "h3" }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {categories.map((category) => (
        <li key={category.slug}>
          <CategoryCard category={category} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}
