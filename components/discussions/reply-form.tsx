"use client";

import { startTransition, useActionState, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { replyAction } from "@/app/t/[id]/[slug]/actions";
import { Button } from "@/components/ui/button";
import { BODY_MAX_LENGTH } from "@/lib/discussions/post-limits";
import { FormattingHelp } from "./formatting-help";
import { fieldClasses, fieldErrorClasses, formErrorClasses, hintClasses } from "./form-styles";

type ReplyFormProps = { threadId: string; parentPostId?: string };

/**
 * The reply box. The text is controlled so a refused reply keeps it for correcting; it is cleared
 * only once the reply is saved. The page refreshes in place (revalidation), so nothing jumps.
 */
export function ReplyForm({ threadId, parentPostId }: ReplyFormProps) {
  const t = useTranslations("discussions.write");
  const [state, action, pending] = useActionState(replyAction, null);
  const [body, setBody] = useState("");
  const handledState = useRef(state);
  const id = useId();
  const bodyError = state && !state.ok ? state.fieldErrors?.body?.join(" ") : undefined;

  useEffect(() => {
    if (state === handledState.current) return;
    handledState.current = state;
    if (state?.ok) setBody("");
  }, [state]);

  // With JavaScript, skip React's automatic form reset (the controlled text stays as typed).
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  }

  return (
    <form action={action} onSubmit={submit} noValidate className="mt-3 space-y-3">
      <input type="hidden" name="threadId" value={threadId} />
      {parentPostId && <input type="hidden" name="parentPostId" value={parentPostId} />}
      <div>
        <label htmlFor={`${id}-body`} className="block font-medium">
          {t("reply.label")}
        </label>
        <p id={`${id}-hint`} className={hintClasses}>
          {t("markdownHint")}
        </p>
        {!parentPostId && <FormattingHelp />}
        <textarea
          id={`${id}-body`}
          name="body"
          rows={parentPostId ? 4 : 6}
          maxLength={BODY_MAX_LENGTH}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          aria-invalid={bodyError ? true : undefined}
          aria-describedby={`${id}-error ${id}-hint`}
          className={fieldClasses}
        />
        <p id={`${id}-error`} aria-live="polite" className={fieldErrorClasses}>
          {bodyError}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("reply.submitting") : t("reply.submit")}
        </Button>
        <p role="status" className="text-sm font-medium empty:hidden">
          {state?.ok ? t("reply.posted") : null}
        </p>
      </div>
      <p role="alert" className={formErrorClasses}>
        {state && !state.ok ? state.formError : null}
      </p>
    </form>
  );
}
