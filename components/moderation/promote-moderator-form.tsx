"use client";

import { startTransition, useActionState, useEffect, useId, useRef, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { promoteModeratorAction } from "@/app/moderation/moderators/actions";
import { FIELD_INPUT_CLASSES } from "@/components/moderation/filter-field";
import { Button } from "@/components/ui/button";

/** "Make moderator": a member's e-mail address. Works without JavaScript (posts to the action). */
export function PromoteModeratorForm() {
  const t = useTranslations("moderation.moderators");
  const [state, action, pending] = useActionState(promoteModeratorAction, null);
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const error = state && !state.ok ? (state.fieldErrors?.email?.join(" ") ?? null) : null;
  useEffect(() => {
    if (error) inputRef.current?.focus();
  }, [error, state]);

  // With JavaScript, submit without React's automatic form reset, so a refused address stays
  // there to correct. Without JavaScript the form still posts to the action.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  }

  return (
    <form action={action} onSubmit={submit} noValidate className="mt-3 space-y-3">
      <div>
        <label htmlFor={`${id}-email`} className="block font-medium">
          {t("promote.emailLabel")}
        </label>
        <p id={`${id}-hint`} className="text-sm text-zinc-600 dark:text-zinc-400">
          {t("promote.emailHint")}
        </p>
        <input
          ref={inputRef}
          id={`${id}-email`}
          name="email"
          type="email"
          inputMode="email"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-error ${id}-hint`}
          className={`${FIELD_INPUT_CLASSES} max-w-md`}
        />
        <p id={`${id}-error`} aria-live="polite" className="mt-1 text-sm font-medium text-red-700 empty:hidden dark:text-red-400">
          {error}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("promote.submit")}
        </Button>
        <p role="status" className="text-sm font-medium empty:hidden">
          {state?.ok && !pending ? t("promote.done") : null}
        </p>
      </div>
      <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 empty:hidden dark:bg-red-950 dark:text-red-200">
        {state && !state.ok ? (state.formError ?? null) : null}
      </p>
    </form>
  );
}
