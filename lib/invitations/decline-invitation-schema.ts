import { z } from "zod";

/** Field names of the "No thanks" form, shared by the form and its action. */
export const DECLINE_FIELDS = { token: "token", dontInviteAgain: "dontInviteAgain" } as const;

/**
 * The "No thanks" form. The checkbox is sent only when ticked (as "on"), so absent means
 * "record nothing". Messages are keys in the "invitation" namespace.
 */
export const declineInvitationSchema = z.object({
  token: z.string({ error: "decline.errors.notFound" }).min(1, "decline.errors.notFound").max(1024, "decline.errors.notFound"),
  dontInviteAgain: z
    .literal("on", { error: "decline.errors.unexpected" })
    .nullish()
    .transform((value) => value === "on"),
});

export type DeclineInvitationInput = z.output<typeof declineInvitationSchema>;
