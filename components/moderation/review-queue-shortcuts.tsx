"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

const SHORTCUTS = [
  ["j", "next"],
  ["k", "previous"],
  ["a", "approve"],
  ["h", "hide"],
  ["d", "delete"],
  ["c", "claim"],
  ["x", "select"],
  ["?", "help"],
] as const;

/** The queue's keyboard shortcuts in a modal dialog (Escape or the button closes it; focus returns where it was). */
export function ReviewQueueShortcuts({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations("moderation.queue.shortcuts");
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="queue-shortcuts-title"
      onClose={onClose}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-zinc-300 bg-white p-4 text-zinc-900 backdrop:bg-black/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id="queue-shortcuts-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{t("intro")}</p>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map(([key, action]) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border border-zinc-400 px-1.5 py-0.5 font-mono dark:border-zinc-500">{key}</kbd>
            </dt>
            <dd>{t(action)}</dd>
          </div>
        ))}
      </dl>
      <Button variant="secondary" className="mt-4" onClick={onClose}>
        {t("close")}
      </Button>
    </dialog>
  );
}
