"use client";

import { useState, type SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import { ReplyForm } from "./reply-form";

type ReplyDisclosureProps = { threadId: string; parentPostId: string };

/**
 * "Reply" under a post for a member. The form is mounted the first time the disclosure opens, so
 * a page of 20+ posts neither renders nor hydrates 20+ forms nobody opened (most of a long
 * thread's render cost). The details element stays uncontrolled: a live refresh of the page
 * (router.refresh) keeps it open, the form mounted and the half-typed text in it. Without
 * JavaScript it points to the reply box at the end of the thread, which posts without it.
 */
export function ReplyDisclosure({ threadId, parentPostId }: ReplyDisclosureProps) {
  const t = useTranslations("discussions.write");
  const [opened, setOpened] = useState(false);
  function toggled(event: SyntheticEvent<HTMLDetailsElement>) {
    if (event.currentTarget.open) setOpened(true);
  }
  return (
    <details className="mt-2" onToggle={toggled}>
      <summary className="inline-block cursor-pointer rounded-md px-1 text-sm font-medium text-brand-700 hover:underline dark:text-brand-300">
        {t("reply.disclosure")}
      </summary>
      {opened ? (
        <ReplyForm threadId={threadId} parentPostId={parentPostId} />
      ) : (
        <noscript>
          <p className="mt-2 text-sm">
            <a href="#reply-heading" className="font-medium text-brand-700 underline underline-offset-4 dark:text-brand-300">
              {t("reply.atEnd")}
            </a>
          </p>
        </noscript>
      )}
    </details>
  );
}
