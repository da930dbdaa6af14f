"use client";

import { startTransition, useActionState, useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { editPostAction } from "@/app/t/[id]/[slug]/actions";
import { Button } from "@/components/ui/button";
import { LinkButton } from "@/components/ui/link-button";
import { formErrorClasses } from "./form-styles";
import { BodyField, TitleField } from "./post-fields";

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

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  }

  return (
    <form action={action} onSubmit={submit} noValidate className="mt-6 max-w-3xl space-y-6">
      <input type="hidden" name="postId" value={postId} />
      {savedTitle !== null && <TitleField formId={id} label={t("edit.titleLabel")} value={title} onChange={setTitle} error={errors.title?.join(" ")} />}
      <BodyField formId={id} label={t("edit.bodyLabel")} value={body} onChange={setBody} error={errors.body?.join(" ")} rows={12} />
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
