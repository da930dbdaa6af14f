"use client";

import { useId, useRef, useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { signInEmailSchema } from "@/lib/auth/sign-in-schema";
import { signInErrorKey } from "@/lib/auth/sign-in-error-key";

/**
 * Asks next-auth to mail a sign-in link. The address is checked here with the same schema the
 * server applies, so a typo gets a precise message next to the field instead of a round trip.
 */
export function SignInForm({ callbackPath }: { callbackPath: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const inputRef = useRef<HTMLInputElement>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const parsed = signInEmailSchema.safeParse({ email: new FormData(event.currentTarget).get("email") ?? "" });
    if (!parsed.success) {
      setFieldError(t(parsed.error.issues[0]?.message ?? "validation.emailInvalid"));
      inputRef.current?.focus();
      return;
    }
    setFieldError(null);
    startTransition(async () => {
      try {
        const result = await signIn("email", { email: parsed.data.email, callbackUrl: callbackPath, redirect: false });
        if (!result?.ok || result.error) {
          setFormError(t(`errors.${signInErrorKey(result?.error)}`));
          return;
        }
        router.push("/signin/check-email");
      } catch {
        setFormError(t("errors.unexpected"));
      }
    });
  }

  return (
    <form onSubmit={submit} noValidate className="mt-6 space-y-4">
      <div>
        <label htmlFor={id} className="block font-medium">
          {t("signIn.emailLabel")}
        </label>
        <p id={hintId} className="text-sm text-zinc-600 dark:text-zinc-400">
          {t("signIn.emailHint")}
        </p>
        <input
          ref={inputRef}
          id={id}
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${errorId} ${hintId}` : hintId}
          onChange={() => fieldError && setFieldError(null)}
          className="mt-1 block w-full rounded-md border border-zinc-400 bg-white px-3 py-2 text-base aria-invalid:border-red-700 dark:border-zinc-600 dark:bg-zinc-900 dark:aria-invalid:border-red-400"
        />
        <p id={errorId} aria-live="polite" className="mt-1 text-sm font-medium text-red-700 empty:hidden dark:text-red-400">
          {fieldError}
        </p>
      </div>
      <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 empty:hidden dark:bg-red-950 dark:text-red-200">
        {formError}
      </p>
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("signIn.sending") : t("signIn.submit")}
      </Button>
    </form>
  );
}
