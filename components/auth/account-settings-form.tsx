"use client";

import { startTransition, useActionState, useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { updateAccountAction } from "@/app/account/actions";
import { Button } from "@/components/ui/button";
import { DISPLAY_NAME_MAX } from "@/lib/auth/account-settings-schema";
import { LOCALES, type AppLocale } from "@/lib/i18n/locales";

interface AccountSettingsFormProps {
  displayName: string | null;
  locale: AppLocale | null;
}

const fieldClasses =
  "mt-1 block w-full rounded-md border border-zinc-400 bg-white px-3 py-2 text-base aria-invalid:border-red-700 dark:border-zinc-600 dark:bg-zinc-900 dark:aria-invalid:border-red-400";

/** Display name and language. Inputs are controlled so a rejected value stays for correcting. */
export function AccountSettingsForm({ displayName: savedName, locale: savedLocale }: AccountSettingsFormProps) {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState(updateAccountAction, null);
  const [displayName, setDisplayName] = useState(savedName ?? "");
  const [locale, setLocale] = useState<string>(savedLocale ?? "");
  const id = useId();
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  const field = (name: "displayName" | "locale") => {
    const errors = fieldErrors[name];
    return {
      inputId: `${id}-${name}`,
      hintId: `${id}-${name}-hint`,
      errorId: `${id}-${name}-error`,
      error: errors?.join(" ") ?? null,
    };
  };
  const nameField = field("displayName");
  const localeField = field("locale");

  // With JavaScript, submit without React's automatic form reset: a reset puts a controlled
  // <select> back on its first option. Without JavaScript the form still posts to the action.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  }

  return (
    <form action={action} onSubmit={submit} noValidate className="mt-6 space-y-6">
      <div>
        <label htmlFor={nameField.inputId} className="block font-medium">
          {t("account.displayNameLabel")}
        </label>
        <p id={nameField.hintId} className="text-sm text-zinc-600 dark:text-zinc-400">
          {t("account.displayNameHint")}
        </p>
        <input
          id={nameField.inputId}
          name="displayName"
          type="text"
          autoComplete="nickname"
          maxLength={DISPLAY_NAME_MAX * 2}
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          aria-invalid={nameField.error ? true : undefined}
          aria-describedby={`${nameField.errorId} ${nameField.hintId}`}
          className={fieldClasses}
        />
        <p id={nameField.errorId} aria-live="polite" className="mt-1 text-sm font-medium text-red-700 empty:hidden dark:text-red-400">
          {nameField.error}
        </p>
      </div>

      <div>
        <label htmlFor={localeField.inputId} className="block font-medium">
          {t("account.localeLabel")}
        </label>
        <p id={localeField.hintId} className="text-sm text-zinc-600 dark:text-zinc-400">
          {t("account.localeHint")}
        </p>
        <select
          id={localeField.inputId}
          name="locale"
          value={locale}
          onChange={(event) => setLocale(event.target.value)}
          aria-invalid={localeField.error ? true : undefined}
          aria-describedby={`${localeField.errorId} ${localeField.hintId}`}
          className={fieldClasses}
        >
          <option value="">{t("account.localeUnset")}</option>
          {LOCALES.map((option) => (
            <option key={option} value={option} lang={option}>
              {t(`localeSwitch.names.${option}`)}
            </option>
          ))}
        </select>
        <p id={localeField.errorId} aria-live="polite" className="mt-1 text-sm font-medium text-red-700 empty:hidden dark:text-red-400">
          {localeField.error}
        </p>
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("account.saving") : t("account.save")}
        </Button>
        <p role="status" className="text-sm font-medium empty:hidden">
          {state?.ok && !pending ? t("account.saved") : null}
        </p>
      </div>
      <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 empty:hidden dark:bg-red-950 dark:text-red-200">
        {state && !state.ok ? state.formError : null}
      </p>
    </form>
  );
}
