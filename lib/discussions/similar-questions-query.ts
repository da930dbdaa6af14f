import { z } from "zod";
import { TITLE_MAX_LENGTH } from "./post-limits";
import { stripUnstorableCharacters } from "@/lib/text/strip-unstorable-characters";

/** GET /api/similar-questions?title=…&productId=… */
export const similarQuestionsQuerySchema = z.object({
  title: z.string().overwrite(stripUnstorableCharacters).trim().min(1, "title is required").max(TITLE_MAX_LENGTH, `title is at most ${TITLE_MAX_LENGTH} characters`),
  productId: z
    .string()
    .regex(/^[a-z0-9]{1,64}$/, "productId is not a product id")
    .optional(),
});

export type SimilarQuestionsResponse = {
  questions: { id: string; title: string; url: string; solved: boolean; productName: string }[];
};

/** The draft length from which suggestions are worth fetching (the shortest valid title). */
export const SIMILAR_QUESTIONS_MIN_TITLE = 10;

export const similarQuestionsUrl = (title: string, productId?: string) => {
  const params = new URLSearchParams({ title });
  if (productId) params.set("productId", productId);
  return `/api/similar-questions?${params.toString()}`;
};
