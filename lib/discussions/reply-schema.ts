import { z } from "zod";
import { bodyField, idField } from "./post-fields-schema";

/** A reply to the thread itself (no parentPostId) or to one of its posts. */
export const replySchema = z.object({
  threadId: idField,
  parentPostId: idField.optional(),
  body: bodyField,
});
export type ReplyInput = z.infer<typeof replySchema>;
export const REPLY_FIELDS = ["threadId", "parentPostId", "body"] as const;
