import { z } from "zod";

/**
 * The sign-in form's e-mail field, checked in the browser before sending and again by the
 * server (next-auth's `normalizeIdentifier`). Messages are keys in the "auth" namespace.
 */
export const signInEmailSchema = z.object({
  email: z
    .string({ error: "validation.emailRequired" })
    .trim()
    .toLowerCase()
    .min(1, "validation.emailRequired")
    .max(254, "validation.emailTooLong")
    .pipe(z.email({ error: "validation.emailInvalid" })),
});

export type SignInEmail = z.infer<typeof signInEmailSchema>;
