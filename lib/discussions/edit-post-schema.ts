import { z } from "zod";
import { bodyField, idField, titleField } from "./post-fields-schema";

/** Editing a post; the title only exists (and is required) for a thread's opening post. */
export const editPostSchema = z.object({
  postId: idField,
  title: titleField.optional(),
  body: bodyField,
});
export type EditPostInput = z.infer<typeof editPostSchema>;
export const EDIT_POST_FIELDS = ["postId", "title", "body"] as const;
