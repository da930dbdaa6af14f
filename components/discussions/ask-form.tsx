"use client";

import { startTransition, useActionState, useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { askAction } from "@/app/p/[slug]/ask/actions";
import { Button } from "@/components/ui/button";
import { THREAD_KINDS } from "@/lib/discussions/ask-schema";
import { LOCALES, type AppLocale } from "@/lib/i18n/locales";
import { BodyField, TitleField } from "./post-fields";
import { SimilarQuestions } from "./similar-questions";
import { fieldClasses, fieldErrorClasses, formErrorClasses } from "./form-styles";

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
  const set = (name: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [name]: value }));
  const described = (name: AskField) => ({ "aria-invalid": errorOf(name) ? true : undefined, "aria-describedby": `${id}-${name}-error` });
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
        <select id={`${id}-kind`} name="kind" value={values.kind} onChange={(event) => set("kind")(event.target.value)} {...described("kind")} className={`${fieldClasses} sm:max-w-xs`}>
          {THREAD_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kind.${kind}`)}
            </option>
          ))}
        </select>
        {errorLine("kind")}
      </div>
      <TitleField formId={id} label={t("ask.titleLabel")} value={values.title} onChange={set("title")} error={errorOf("title")}>
        <SimilarQuestions productId={productId} title={values.kind === "QUESTION" ? values.title : ""} />
      </TitleField>
      <BodyField formId={id} label={t("ask.bodyLabel")} value={values.body} onChange={set("body")} error={errorOf("body")} rows={10} />
      <div>
        <label htmlFor={`${id}-language`} className="block font-medium">
          {t("ask.languageLabel")}
        </label>
        <select id={`${id}-language`} name="language" value={values.language} onChange={(event) => set("language")(event.target.value)} {...described("language")} className={`${fieldClasses} sm:max-w-xs`}>
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
