import { z } from "zod";
import { idField } from "./post-fields-schema";

/** Delete, accept and unaccept name one post and nothing else. */
export const postActionSchema = z.object({ postId: idField });
export const POST_ACTION_FIELDS = ["postId"] as const;
