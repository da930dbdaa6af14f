"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { BODY_MAX_LENGTH, POST_LIMIT_MESSAGE_VALUES, TITLE_MAX_LENGTH } from "@/lib/discussions/post-limits";
import { FormattingHelp } from "./formatting-help";
import { fieldClasses, fieldErrorClasses, hintClasses } from "./form-styles";

type PostFieldProps = {
  /** useId() of the form: field ids are `<formId>-title` / `<formId>-body`. */
  formId: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
};

/** The thread title input, with its length hint and an error line announced politely. */
export function TitleField({ formId, label, value, onChange, error, children }: PostFieldProps & { children?: ReactNode }) {
  const t = useTranslations("discussions.write");
  const id = `${formId}-title`;
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <p id={`${id}-hint`} className={hintClasses}>
        {t("ask.titleHint", POST_LIMIT_MESSAGE_VALUES)}
      </p>
      <input
        id={id}
        name="title"
        type="text"
        autoComplete="off"
        // Longer than the limit, so an over-long paste is reported rather than silently cut.
        maxLength={TITLE_MAX_LENGTH + 50}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-error ${id}-hint`}
        className={fieldClasses}
      />
      <p id={`${id}-error`} aria-live="polite" className={fieldErrorClasses}>
        {error}
      </p>
      {children}
    </div>
  );
}

/** The Markdown body textarea, with the formatting help and an error line announced politely. */
export function BodyField({ formId, label, value, onChange, error, rows }: PostFieldProps & { rows: number }) {
  const t = useTranslations("discussions.write");
  const id = `${formId}-body`;
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <p id={`${id}-hint`} className={hintClasses}>
        {t("markdownHint")}
      </p>
      <FormattingHelp />
      <textarea
        id={id}
        name="body"
        rows={rows}
        maxLength={BODY_MAX_LENGTH}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-error ${id}-hint`}
        className={fieldClasses}
      />
      <p id={`${id}-error`} aria-live="polite" className={fieldErrorClasses}>
        {error}
      </p>
    </div>
  );
}
