"use client";

import { startTransition, useActionState, useId, useState, type FormEvent, type SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import { flagPostAction } from "@/app/moderation/queue/flag-actions";
import { fieldClasses, fieldErrorClasses, formErrorClasses, hintClasses } from "@/components/discussions/form-styles";
import { Button } from "@/components/ui/button";
import { FLAG_NOTE_MAX_LENGTH, FLAG_REASONS } from "@/lib/moderation/flag-reasons";

/**
 * "Flag" under a post, for members other than its author: a disclosure with the reasons (none
 * chosen for the member), a note (required for "Other") and a submit button. The outcome is
 * announced in a live region; once sent, the form gives way to a thank-you.
 */
export function FlagPostForm({ postId }: { postId: string }) {
  const t = useTranslations("moderation.flags");
  const [state, action, pending] = useActionState(flagPostAction, null);
  const id = useId();
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  const reasonError = fieldErrors?.reason?.join(" ");
  const noteError = fieldErrors?.note?.join(" ");
  const sent = state?.ok === true;
  // The reasons and note are mounted when the disclosure first opens: a thread page shows this
  // under every post, and rendering 20+ closed forms was much of a signed-in page's cost.
  const [opened, setOpened] = useState(false);
  const toggled = (event: SyntheticEvent<HTMLDetailsElement>) => {
    if (event.currentTarget.open) setOpened(true);
  };

  // With JavaScript, skip React's automatic form reset: a refused flag keeps the chosen reason and note.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  }

  return (
    <details className="py-2" data-flag-post={postId} onToggle={toggled}>
      <summary className="cursor-pointer font-medium text-zinc-700 hover:underline dark:text-zinc-300">{t("summary")}</summary>
      {opened && (
        <div className="mt-2 rounded-md border border-zinc-300 p-3 dark:border-zinc-700">
          <p role="status" className="text-sm font-medium empty:hidden">
            {sent ? t("sent") : null}
          </p>
          {!sent && (
            <form action={action} onSubmit={submit} noValidate className="space-y-3">
              <input type="hidden" name="postId" value={postId} />
              <fieldset aria-describedby={reasonError ? `${id}-reason-error` : undefined}>
                <legend className="font-medium">{t("reasonLegend")}</legend>
                <div className="mt-1 space-y-1">
                  {FLAG_REASONS.map((reason) => (
                    <label key={reason} className="flex min-h-9 items-center gap-2">
                      <input type="radio" name="reason" value={reason} className="size-4" aria-invalid={reasonError ? true : undefined} />
                      <span>{t(`reasons.${reason}`)}</span>
                    </label>
                  ))}
                </div>
                <p id={`${id}-reason-error`} aria-live="polite" className={fieldErrorClasses}>
                  {reasonError}
                </p>
              </fieldset>
              <div>
                <label htmlFor={`${id}-note`} className="block font-medium">
                  {t("noteLabel")}
                </label>
                <p id={`${id}-note-hint`} className={hintClasses}>
                  {t("noteHint", { max: FLAG_NOTE_MAX_LENGTH })}
                </p>
                <textarea
                  id={`${id}-note`}
                  name="note"
                  rows={3}
                  maxLength={FLAG_NOTE_MAX_LENGTH}
                  aria-invalid={noteError ? true : undefined}
                  aria-describedby={`${id}-note-error ${id}-note-hint`}
                  className={fieldClasses}
                />
                <p id={`${id}-note-error`} aria-live="polite" className={fieldErrorClasses}>
                  {noteError}
                </p>
              </div>
              <Button type="submit" variant="secondary" disabled={pending} className="min-h-9 px-3 py-1">
                {pending ? t("sending") : t("submit")}
              </Button>
              <p role="alert" className={formErrorClasses}>
                {state && !state.ok ? state.formError : null}
              </p>
            </form>
          )}
        </div>
      )}
    </details>
  );
}
