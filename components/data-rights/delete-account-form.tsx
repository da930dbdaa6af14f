"use client";

import { startTransition, useActionState, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { deleteAccountAction } from "@/app/account/data/actions";
import { Button } from "@/components/ui/button";
import { fieldErrorsFrom } from "@/lib/action-result";
import { deleteAccountSchema, POST_DISPOSALS, SHOWN_WITHDRAWAL_FIELD, type PostDisposal } from "@/lib/data-rights/delete-account-schema";
import type { AppLocale } from "@/lib/i18n/locales";

export interface ShownWithdrawal {
  purpose: string;
  version: number;
  /** The exact consent text recorded with the withdrawal; rendered verbatim. */
  body: string;
}

interface DeleteAccountFormProps {
  /** Withdrawal texts for the consents the person holds, in the language of the page. */
  withdrawals: ShownWithdrawal[];
  locale: AppLocale;
}

const POST_LABELS = {
  "keep-as-deleted-member": { label: "delete.postsKeep", hint: "delete.postsKeepHint" },
  remove: { label: "delete.postsRemove", hint: "delete.postsRemoveHint" },
} as const satisfies Record<PostDisposal, { label: string; hint: string }>;

const errorClasses = "mt-1 text-sm font-medium text-red-700 empty:hidden dark:text-red-400";

/**
 * "Delete my account": nothing is pre-selected, a posts choice and the confirmation are both
 * required. Checked here with the action's own schema for an immediate answer; the action checks
 * again. Inputs are controlled so a rejected submission keeps what the person chose.
 */
export function DeleteAccountForm({ withdrawals, locale }: DeleteAccountFormProps) {
  const t = useTranslations("dataRights");
  const [state, action, pending] = useActionState(deleteAccountAction, null);
  const [posts, setPosts] = useState<PostDisposal | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [localErrors, setLocalErrors] = useState<Record<string, string[]> | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();
  const ids = { postsHint: `${id}-posts-hint`, postsError: `${id}-posts-error`, confirm: `${id}-confirm`, confirmError: `${id}-confirm-error` };

  const fieldErrors = localErrors ?? (state && !state.ok ? (state.fieldErrors ?? {}) : {});
  const postsError = fieldErrors.posts?.join(" ") || null;
  const confirmError = fieldErrors.confirm?.join(" ") || null;

  // After a rejected submission (here or by the action), take keyboard and screen-reader users
  // to the first thing to fix. Only then: fixing one field must not pull focus to the next.
  const [rejectedSubmissions, setRejectedSubmissions] = useState(0);
  useEffect(() => {
    if (rejectedSubmissions === 0 && !(state && !state.ok)) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-error]:not(:empty)')?.focus();
  }, [state, rejectedSubmissions]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    const parsed = deleteAccountSchema.safeParse({
      posts: formData.get("posts"),
      confirm: formData.get("confirm"),
      locale: formData.get("locale"),
      shownWithdrawals: formData.getAll(SHOWN_WITHDRAWAL_FIELD),
    });
    if (!parsed.success) {
      const errors = fieldErrorsFrom(parsed.error, (key) => t(key));
      if (errors.posts || errors.confirm) {
        setLocalErrors(errors);
        setRejectedSubmissions((count) => count + 1);
        return;
      }
    }
    setLocalErrors(null);
    // Without React's automatic form reset, which would clear the choices on a rejected submit.
    startTransition(() => action(formData));
  }

  return (
    <form ref={formRef} action={action} onSubmit={submit} noValidate className="mt-6 space-y-6">
      <input type="hidden" name="locale" value={locale} />
      {withdrawals.map((withdrawal) => (
        <input key={withdrawal.purpose} type="hidden" name={SHOWN_WITHDRAWAL_FIELD} value={`${withdrawal.purpose}:${withdrawal.version}`} />
      ))}

      {withdrawals.length > 0 && (
        <section aria-labelledby={`${id}-withdrawals`}>
          <h3 id={`${id}-withdrawals`} className="font-semibold">
            {t("delete.withdrawalsHeading")}
          </h3>
          <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{t("delete.withdrawalsIntro")}</p>
          <ul className="mt-2 space-y-2">
            {withdrawals.map((withdrawal) => (
              <li key={withdrawal.purpose}>
                <blockquote lang={locale} className="border-l-4 border-zinc-300 pl-3 text-sm text-zinc-700 dark:border-zinc-600 dark:text-zinc-300">
                  {withdrawal.body}
                </blockquote>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">{t("delete.withdrawalsPostsNote")}</p>
        </section>
      )}

      <fieldset aria-describedby={`${ids.postsError} ${ids.postsHint}`}>
        <legend className="font-semibold">{t("delete.postsLegend")}</legend>
        <p id={ids.postsHint} className="text-sm text-zinc-600 dark:text-zinc-400">
          {t("delete.postsHint")}
        </p>
        <p id={ids.postsError} aria-live="polite" className={errorClasses}>
          {postsError}
        </p>
        <div className="mt-2 space-y-3">
          {POST_DISPOSALS.map((choice) => (
            <div key={choice} className="flex items-start gap-3">
              <input
                id={`${id}-posts-${choice}`}
                type="radio"
                name="posts"
                value={choice}
                checked={posts === choice}
                onChange={() => {
                  setPosts(choice);
                  setLocalErrors((errors) => (errors ? { ...errors, posts: [] } : errors));
                }}
                required
                aria-invalid={postsError ? true : undefined}
                aria-describedby={`${id}-posts-${choice}-hint`}
                className="mt-1 size-5 shrink-0 accent-brand-600 dark:accent-brand-400"
              />
              <div>
                <label htmlFor={`${id}-posts-${choice}`} className="font-medium">
                  {t(POST_LABELS[choice].label)}
                </label>
                <p id={`${id}-posts-${choice}-hint`} className="text-sm text-zinc-600 dark:text-zinc-400">
                  {t(POST_LABELS[choice].hint)}
                </p>
              </div>
            </div>
          ))}
        </div>
      </fieldset>

      <div>
        <div className="flex items-start gap-3">
          <input
            id={ids.confirm}
            type="checkbox"
            name="confirm"
            value="yes"
            checked={confirmed}
            onChange={(event) => {
              setConfirmed(event.target.checked);
              setLocalErrors((errors) => (errors ? { ...errors, confirm: [] } : errors));
            }}
            required
            aria-invalid={confirmError ? true : undefined}
            aria-describedby={ids.confirmError}
            className="mt-1 size-5 shrink-0 accent-brand-600 dark:accent-brand-400"
          />
          <label htmlFor={ids.confirm} className="font-medium">
            {t("delete.confirm")}
          </label>
        </div>
        <p id={ids.confirmError} aria-live="polite" className={errorClasses}>
          {confirmError}
        </p>
      </div>

      <p
        role="alert"
        tabIndex={-1}
        data-form-error
        className="rounded-md bg-red-50 p-3 text-sm text-red-800 empty:hidden dark:bg-red-950 dark:text-red-200"
      >
        {state && !state.ok && !localErrors ? state.formError : null}
      </p>
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("delete.deleting") : t("delete.submit")}
      </Button>
    </form>
  );
}
