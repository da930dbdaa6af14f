import { z } from "zod";
import { idField } from "./post-fields-schema";

// Plain objects sent by the vote buttons' mutations (not forms). The boolean is the state the
// member wants, not a toggle, so repeated or concurrent clicks converge on the last one.
export const postVoteSchema = z.object({ postId: idField, helpful: z.boolean({ error: "write.errors.unexpected" }) });
export type PostVoteInput = z.infer<typeof postVoteSchema>;

export const meTooSchema = z.object({ threadId: idField, meToo: z.boolean({ error: "write.errors.unexpected" }) });
export type MeTooInput = z.infer<typeof meTooSchema>;
