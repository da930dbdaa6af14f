"use client";

import { useActionState, useEffect, useId, useRef } from "react";
import { useTranslations } from "next-intl";
import { declineInvitationAction } from "@/app/invitation/actions";
import { Button } from "@/components/ui/button";
import { LinkButton } from "@/components/ui/link-button";
import { DECLINE_FIELDS } from "@/lib/invitations/decline-invitation-schema";

/**
 * The "No thanks" form, then its confirmation in place. The one checkbox starts unticked and
 * is never ticked for the person; unticked, the action records nothing at all.
 */
export function DeclineInvitationForm({ token }: { token: string }) {
  const t = useTranslations("invitation.decline");
  const [state, action, pending] = useActionState(declineInvitationAction, null);
  const id = useId();
  const doneHeading = useRef<HTMLHeadingElement>(null);
  const done = state?.ok ? state.data : undefined;

  // The form disappears; move focus to what replaced it so keyboard and screen-reader users land on the answer.
  useEffect(() => {
    if (done) doneHeading.current?.focus();
  }, [done]);

  if (done) {
    return (
      <section aria-labelledby={`${id}-done`} className="mt-6 rounded-lg border border-zinc-200 bg-zinc-50 p-4 dark:border-zinc-800 dark:bg-zinc-900">
        <h2 id={`${id}-done`} ref={doneHeading} tabIndex={-1} className="text-lg font-semibold">
          {t("doneHeading")}
        </h2>
        <p className="mt-2">{done.remembered ? t("doneRemembered") : t("doneNothingRecorded")}</p>
        <p className="mt-2">{t("doneNoEmail")}</p>
        <p className="mt-2 text-zinc-700 dark:text-zinc-300">{t("doneJoinLater")}</p>
        <LinkButton href="/" variant="secondary" className="mt-4">
          {t("home")}
        </LinkButton>
      </section>
    );
  }

  return (
    <form action={action} className="mt-6 space-y-6">
      <input type="hidden" name={DECLINE_FIELDS.token} value={token} />
      <div className="flex items-start gap-3">
        <input
          id={`${id}-again`}
          name={DECLINE_FIELDS.dontInviteAgain}
          type="checkbox"
          defaultChecked={false}
          aria-describedby={`${id}-again-hint`}
          className="mt-1 size-5 shrink-0 accent-brand-600 dark:accent-brand-400"
        />
        <div>
          <label htmlFor={`${id}-again`} className="font-medium">
            {t("dontInviteAgainLabel")}
          </label>
          <p id={`${id}-again-hint`} className="text-sm text-zinc-600 dark:text-zinc-400">
            {t("dontInviteAgainHint")}
          </p>
        </div>
      </div>
      <Button type="submit" disabled={pending} className="w-full min-h-12 text-base sm:w-auto sm:min-w-56">
        {pending ? t("submitting") : t("submit")}
      </Button>
      <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 empty:hidden dark:bg-red-950 dark:text-red-200">
        {state && !state.ok ? state.formError : null}
      </p>
    </form>
  );
}
