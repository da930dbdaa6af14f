"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { oneClickUnsubscribeAction } from "@/app/dev/mailbox/[id]/actions";
import { Button } from "@/components/ui/button";

/** Development mailbox: sends the message's one-click unsubscribe POST and shows the answer. */
export function OneClickUnsubscribeForm({ mailId, url }: { mailId: string; url: string }) {
  const t = useTranslations("email.devMailbox");
  const [result, action, pending] = useActionState(oneClickUnsubscribeAction.bind(null, mailId), null);
  return (
    <section aria-labelledby="one-click-heading" className="mt-6 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 id="one-click-heading" className="text-lg font-semibold">{t("heading")}</h2>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{t("intro")}</p>
      <p className="mt-2 font-mono text-xs break-all text-zinc-700 dark:text-zinc-300">POST {url}</p>
      <form action={action} className="mt-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("pending") : t("button")}
        </Button>
      </form>
      <p role="status" className="mt-3 text-sm">
        {result?.ok && result.data
          ? result.data.location
            ? t("redirected", { status: result.data.status, location: result.data.location })
            : t("answered", { status: result.data.status })
          : result && !result.ok
            ? result.formError
            : ""}
      </p>
    </section>
  );
}
