"use client";

import { startTransition, useActionState, useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { askAction } from "@/app/p/[slug]/ask/actions";
import { Button } from "@/components/ui/button";
import { THREAD_KINDS } from "@/lib/discussions/ask-schema";
import { BODY_MAX_LENGTH, POST_LIMIT_MESSAGE_VALUES, TITLE_MAX_LENGTH } from "@/lib/discussions/post-limits";
import { LOCALES, type AppLocale } from "@/lib/i18n/locales";
import { FormattingHelp } from "./formatting-help";
import { SimilarQuestions } from "./similar-questions";
import { fieldClasses, fieldErrorClasses, formErrorClasses, hintClasses } from "./form-styles";

type AskFormProps = { productId: string; productSlug: string; defaultLanguage: AppLocale };
type AskField = "kind" | "title" | "body" | "language" | "productSlug";

/** New thread: kind, title, Markdown text and language. Controlled, so a refused post keeps everything typed. */
export function AskForm({ productId, productSlug, defaultLanguage }: AskFormProps) {
  const t = useTranslations("discussions.write");
  const [state, action, pending] = useActionState(askAction, null);
  const [values, setValues] = useState({ kind: "QUESTION", title: "", body: "", language: defaultLanguage as string });
  const id = useId();
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const errorOf = (name: AskField) => errors[name]?.join(" ");
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [name]: event.target.value }));
  const described = (name: AskField, hint = false) => ({
    "aria-invalid": errorOf(name) ? true : undefined,
    "aria-describedby": `${id}-${name}-error${hint ? ` ${id}-${name}-hint` : ""}`,
  });
  const errorLine = (name: AskField) => (
    <p id={`${id}-${name}-error`} aria-live="polite" className={fieldErrorClasses}>
      {errorOf(name)}
    </p>
  );

  // With JavaScript, skip React's automatic form reset so the selects keep their choice.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  }

  return (
    <form action={action} onSubmit={submit} noValidate className="mt-6 max-w-3xl space-y-6">
      <input type="hidden" name="productSlug" value={productSlug} />
      {errorLine("productSlug")}
      <div>
        <label htmlFor={`${id}-kind`} className="block font-medium">
          {t("ask.kindLabel")}
        </label>
        <select id={`${id}-kind`} name="kind" value={values.kind} onChange={set("kind")} {...described("kind")} className={`${fieldClasses} sm:max-w-xs`}>
          {THREAD_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kind.${kind}`)}
            </option>
          ))}
        </select>
        {errorLine("kind")}
      </div>
      <div>
        <label htmlFor={`${id}-title`} className="block font-medium">
          {t("ask.titleLabel")}
        </label>
        <p id={`${id}-title-hint`} className={hintClasses}>
          {t("ask.titleHint", POST_LIMIT_MESSAGE_VALUES)}
        </p>
        <input
          id={`${id}-title`}
          name="title"
          type="text"
          autoComplete="off"
          maxLength={TITLE_MAX_LENGTH + 50}
          value={values.title}
          onChange={set("title")}
          {...described("title", true)}
          className={fieldClasses}
        />
        {errorLine("title")}
        <SimilarQuestions productId={productId} title={values.kind === "QUESTION" ? values.title : ""} />
      </div>
      <div>
        <label htmlFor={`${id}-body`} className="block font-medium">
          {t("ask.bodyLabel")}
        </label>
        <p id={`${id}-body-hint`} className={hintClasses}>
          {t("markdownHint")}
        </p>
        <FormattingHelp />
        <textarea id={`${id}-body`} name="body" rows={10} maxLength={BODY_MAX_LENGTH} value={values.body} onChange={set("body")} {...described("body", true)} className={fieldClasses} />
        {errorLine("body")}
      </div>
      <div>
        <label htmlFor={`${id}-language`} className="block font-medium">
          {t("ask.languageLabel")}
        </label>
        <select id={`${id}-language`} name="language" value={values.language} onChange={set("language")} {...described("language")} className={`${fieldClasses} sm:max-w-xs`}>
          {LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {t(`language.${locale}`)}
            </option>
          ))}
        </select>
        {errorLine("language")}
      </div>
      <p role="alert" className={formErrorClasses}>
        {state && !state.ok ? state.formError : null}
      </p>
      <Button type="submit" disabled={pending}>
        {pending ? t("ask.submitting") : t("ask.submit")}
      </Button>
    </form>
  );
}
