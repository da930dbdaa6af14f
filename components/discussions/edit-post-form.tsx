"use client";

import { startTransition, useActionState, useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { editPostAction } from "@/app/t/[id]/[slug]/actions";
import { Button } from "@/components/ui/button";
import { LinkButton } from "@/components/ui/link-button";
import { BODY_MAX_LENGTH, POST_LIMIT_MESSAGE_VALUES, TITLE_MAX_LENGTH } from "@/lib/discussions/post-limits";
import { FormattingHelp } from "./formatting-help";
import { fieldClasses, fieldErrorClasses, formErrorClasses, hintClasses } from "./form-styles";

type EditPostFormProps = {
  postId: string;
  /** The thread title, only when editing the opening post (which carries it). */
  title: string | null;
  bodyMarkdown: string;
  cancelHref: string;
};

/** Edit a post's Markdown (and the thread title for the opening post); success goes back to the post. */
export function EditPostForm({ postId, title: savedTitle, bodyMarkdown, cancelHref }: EditPostFormProps) {
  const t = useTranslations("discussions.write");
  const [state, action, pending] = useActionState(editPostAction, null);
  const [title, setTitle] = useState(savedTitle ?? "");
  const [body, setBody] = useState(bodyMarkdown);
  const id = useId();
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const titleError = errors.title?.join(" ");
  const bodyError = errors.body?.join(" ");

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  }

  return (
    <form action={action} onSubmit={submit} noValidate className="mt-6 max-w-3xl space-y-6">
      <input type="hidden" name="postId" value={postId} />
      {savedTitle !== null && (
        <div>
          <label htmlFor={`${id}-title`} className="block font-medium">
            {t("edit.titleLabel")}
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
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            aria-invalid={titleError ? true : undefined}
            aria-describedby={`${id}-title-error ${id}-title-hint`}
            className={fieldClasses}
          />
          <p id={`${id}-title-error`} aria-live="polite" className={fieldErrorClasses}>
            {titleError}
          </p>
        </div>
      )}
      <div>
        <label htmlFor={`${id}-body`} className="block font-medium">
          {t("edit.bodyLabel")}
        </label>
        <p id={`${id}-body-hint`} className={hintClasses}>
          {t("markdownHint")}
        </p>
        <FormattingHelp />
        <textarea
          id={`${id}-body`}
          name="body"
          rows={12}
          maxLength={BODY_MAX_LENGTH}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          aria-invalid={bodyError ? true : undefined}
          aria-describedby={`${id}-body-error ${id}-body-hint`}
          className={fieldClasses}
        />
        <p id={`${id}-body-error`} aria-live="polite" className={fieldErrorClasses}>
          {bodyError}
        </p>
      </div>
      <p role="alert" className={formErrorClasses}>
        {state && !state.ok ? state.formError : null}
      </p>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("edit.saving") : t("edit.submit")}
        </Button>
        <LinkButton href={cancelHref} variant="secondary">
          {t("edit.cancel")}
        </LinkButton>
      </div>
    </form>
  );
}
