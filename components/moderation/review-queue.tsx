"use client";

import Link from "next/link";
import { useEffect, useRef, useState, useTransition, type KeyboardEvent as ReactKeyboardEvent } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { claimReviewItemAction, resolveReviewItemsAction } from "@/app/moderation/queue/actions";
import { fieldClasses, formErrorClasses, hintClasses } from "@/components/discussions/form-styles";
import { Button } from "@/components/ui/button";
import { memberPath, postPath } from "@/lib/discussions/discussion-paths";
import { DECISIONS_NEEDING_REASON, RESOLUTION_REASON_MAX_LENGTH, type ReviewDecision } from "@/lib/moderation/review-queue-schemas";
import type { ReviewQueueItem } from "@/server/moderation/list-review-queue";
import { ReviewQueueShortcuts } from "./review-queue-shortcuts";

type ReviewQueueProps = { items: ReviewQueueItem[]; viewerId: string };

/** Keys that act on the queue; never while typing in a field, never with a modifier. */
const SHORTCUT_KEYS = new Set(["j", "k", "a", "h", "d", "c", "x", "?"]);

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
  return false;
}

/**
 * The review queue as cards (one column on a phone): select items for bulk actions, or act on one
 * with its buttons or the keyboard (j/k move, a approve, h hide, d delete, c claim, x select,
 * ? help). Hide, delete and edit need a reason, which the author sees. Outcomes are announced in a
 * live region; the server re-renders the list (resolved items leave it).
 */
export function ReviewQueue({ items, viewerId }: ReviewQueueProps) {
  const t = useTranslations("moderation.queue");
  const format = useFormatter();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [current, setCurrent] = useState<number | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [bulkReason, setBulkReason] = useState("");
  const [status, setStatus] = useState("");
  const [error, setError] = useState("");
  const [helpOpen, setHelpOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const cards = useRef<(HTMLElement | null)[]>([]);
  const reasonFields = useRef<Record<string, HTMLInputElement | null>>({});

  // Resolved items leave the list: forget their selection and keep the current index in range.
  const ids = items.map((item) => item.id).join(",");
  useEffect(() => {
    const present = new Set(ids.split(","));
    setSelected((previous) => new Set([...previous].filter((id) => present.has(id))));
    setCurrent((previous) => (previous === null || items.length === 0 ? null : Math.min(previous, items.length - 1)));
    // Focus was on a card or button that is gone: put it on the card now in that place.
    if (document.activeElement === document.body && current !== null && items.length > 0) {
      cards.current[Math.min(current, items.length - 1)]?.focus();
    }
    // Runs when the list itself changes, not when the current index moves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ids]);

  function moveTo(index: number) {
    const bounded = Math.max(0, Math.min(items.length - 1, index));
    setCurrent(bounded);
    cards.current[bounded]?.focus();
  }

  /** false when refused before asking the server (nothing selected, no reason). */
  function resolve(itemIds: string[], decision: ReviewDecision, reason: string, body?: string): boolean {
    setError("");
    setStatus("");
    if (itemIds.length === 0) {
      setError(t("errors.noneSelected"));
      return false;
    }
    if (DECISIONS_NEEDING_REASON.includes(decision) && reason.trim().length < 3) {
      setError(t("errors.reasonRequired"));
      return false;
    }
    startTransition(async () => {
      const result = await resolveReviewItemsAction({ ids: itemIds, decision, reason, body });
      if (!result.ok) {
        setError(result.formError ?? Object.values(result.fieldErrors ?? {}).flat().join(" "));
        return;
      }
      const { resolved, skipped } = result.data ?? { resolved: 0, skipped: 0 };
      const done = decision === "edit" ? t("done.edit") : t(`done.${decision}`, { count: resolved });
      setStatus(skipped > 0 ? `${done} ${t("done.skipped", { count: skipped })}` : done);
      setSelected((previous) => new Set([...previous].filter((id) => !itemIds.includes(id))));
    });
    return true;
  }

  function resolveOne(item: ReviewQueueItem, decision: ReviewDecision) {
    const reason = reasons[item.id] ?? "";
    const started = resolve([item.id], decision, reason);
    // A missing reason: take the moderator to the field that needs it.
    if (started === false) reasonFields.current[item.id]?.focus();
  }

  function toggleClaim(item: ReviewQueueItem) {
    setError("");
    setStatus("");
    const claim = item.claimedBy?.id !== viewerId;
    startTransition(async () => {
      const result = await claimReviewItemAction({ id: item.id, claim });
      if (!result.ok) setError(result.formError ?? t("errors.unexpected"));
      else setStatus(claim ? t("done.claimed") : t("done.released"));
    });
  }

  function toggleSelected(id: string) {
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (!SHORTCUT_KEYS.has(event.key) || isTypingTarget(event.target)) return;
      if (helpOpen && event.key !== "?") return;
      event.preventDefault();
      if (event.key === "?") {
        setHelpOpen((open) => !open);
        return;
      }
      if (event.key === "j") return moveTo(current === null ? 0 : current + 1);
      if (event.key === "k") return moveTo(current === null ? 0 : current - 1);
      const item = current === null ? undefined : items[current];
      if (!item) {
        setError(t("errors.noCurrent"));
        return;
      }
      if (pending) return;
      if (event.key === "a") resolveOne(item, "approve");
      else if (event.key === "h") resolveOne(item, "hide");
      else if (event.key === "d") resolveOne(item, "delete");
      else if (event.key === "c") toggleClaim(item);
      else if (event.key === "x") toggleSelected(item.id);
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  });

  const allSelected = items.length > 0 && selected.size === items.length;
  const selectedIds = items.filter((item) => selected.has(item.id)).map((item) => item.id);

  return (
    <div className="mt-6">
      {/* Outside the list: it stays (and is heard) when the last item leaves the queue. */}
      <p role="status" className="mb-2 text-sm font-medium empty:hidden">
        {pending ? t("item.working") : status}
      </p>
      <p role="alert" className={`mb-2 ${formErrorClasses}`}>
        {error}
      </p>
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center dark:border-zinc-700">{t("empty")}</p>
      ) : (
        <section aria-label={t("bulk.label")} className="rounded-lg border border-zinc-200 bg-white p-3 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <label className="flex min-h-10 items-center gap-2 text-sm font-medium">
              <input
                type="checkbox"
                className="size-4"
                checked={allSelected}
                ref={(input) => {
                  if (input) input.indeterminate = selected.size > 0 && !allSelected;
                }}
                onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((item) => item.id)))}
              />
              {t("bulk.selectAll")}
            </label>
            <p className="text-sm text-zinc-700 dark:text-zinc-300">{t("bulk.selected", { count: selectedIds.length })}</p>
          </div>
          <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-end">
            <div className="min-w-0 flex-1">
              <label htmlFor="queue-bulk-reason" className="block text-sm font-medium">
                {t("bulk.reasonLabel")}
              </label>
              <input
                id="queue-bulk-reason"
                value={bulkReason}
                maxLength={RESOLUTION_REASON_MAX_LENGTH}
                onChange={(event) => setBulkReason(event.target.value)}
                aria-describedby="queue-bulk-reason-hint"
                className={fieldClasses}
              />
              <p id="queue-bulk-reason-hint" className={hintClasses}>
                {t("item.reasonHint")}
              </p>
            </div>
            <div className="flex flex-wrap gap-2 sm:pb-6">
              <Button variant="secondary" disabled={pending} onClick={() => resolve(selectedIds, "approve", bulkReason)}>
                {t("bulk.approve")}
              </Button>
              <Button variant="secondary" disabled={pending} onClick={() => resolve(selectedIds, "hide", bulkReason)}>
                {t("bulk.hide")}
              </Button>
              <Button variant="secondary" disabled={pending} onClick={() => resolve(selectedIds, "delete", bulkReason)}>
                {t("bulk.delete")}
              </Button>
            </div>
          </div>
        </section>
      )}

      {items.length > 0 && (
        <ol aria-label={t("listLabel")} className="mt-4 space-y-4">
          {items.map((item, index) => {
            const author = item.post.author?.displayName ?? t("item.formerMember");
            const titleId = `review-${item.id}-title`;
            const reasonId = `review-${item.id}-reason`;
            const isCurrent = current === index;
            return (
              <li key={item.id}>
                <article
                  ref={(element) => {
                    cards.current[index] = element;
                  }}
                  tabIndex={-1}
                  aria-labelledby={titleId}
                  data-review-item={item.id}
                  aria-current={isCurrent ? "true" : undefined}
                  onFocus={() => setCurrent(index)}
                  className={`rounded-lg border bg-white p-3 outline-none focus-visible:ring-2 focus-visible:ring-brand-500 sm:p-4 dark:bg-zinc-900 ${
                    isCurrent ? "border-brand-600 ring-2 ring-brand-500 dark:border-brand-400" : "border-zinc-200 dark:border-zinc-800"
                  }`}
                >
                  <div className="flex items-start gap-3">
                    <input
                      type="checkbox"
                      id={`review-${item.id}-select`}
                      className="mt-1.5 size-4 shrink-0"
                      checked={selected.has(item.id)}
                      onChange={() => toggleSelected(item.id)}
                      aria-label={`${t("item.select")}: ${t("item.label", { kind: t(`kind.${item.kind}`), author, thread: item.thread.title })}`}
                    />
                    <div className="min-w-0 flex-1">
                      <h2 id={titleId} className="font-semibold break-words">
                        {t("item.label", { kind: t(`kind.${item.kind}`), author, thread: item.thread.title })}
                      </h2>
                      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-zinc-700 dark:text-zinc-300">
                        <li>{t("item.opened", { date: format.dateTime(item.openedAt, { dateStyle: "medium", timeStyle: "short" }) })}</li>
                        <li>{t("item.product", { name: item.product.name })}</li>
                        <li>
                          <span className="rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">
                            {t(`visibility.${item.post.visibility}`)}
                          </span>
                        </li>
                        <li>
                          <Link href={postPath(item.thread.id, item.thread.slug, item.post.id)} className="underline underline-offset-4">
                            {t("item.openThread")}
                          </Link>
                        </li>
                        {item.post.author && (
                          <li>
                            <Link href={memberPath(item.post.author.id)} className="underline underline-offset-4">
                              {author}
                            </Link>
                          </li>
                        )}
                      </ul>
                    </div>
                  </div>

                  {item.kind === "FLAGGED" || item.flagCount > 0 ? (
                    <div className="mt-2 text-sm">
                      <p className="font-medium">
                        {t("item.flags", { count: item.flagCount })}
                        {item.flagReasons.length > 0 && ": "}
                        {item.flagReasons.map((flag) => `${t(`reasons.${flag.reason}`)} × ${flag.count}`).join(", ")}
                      </p>
                      {item.flagNotes.length > 0 && (
                        <>
                          <p className="mt-1 text-zinc-700 dark:text-zinc-300">{t("item.notes")}</p>
                          <ul className="list-disc pl-5 break-words">
                            {item.flagNotes.map((note, noteIndex) => (
                              <li key={noteIndex}>{note}</li>
                            ))}
                          </ul>
                        </>
                      )}
                    </div>
                  ) : null}

                  {/* Sanitized when the post was written. */}
                  <div
                    className="prose-post mt-3 max-h-80 overflow-auto rounded-md border border-zinc-200 p-3 break-words dark:border-zinc-800"
                    dangerouslySetInnerHTML={{ __html: item.post.bodyHtml }}
                  />

                  <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
                    <p className="font-medium">
                      {item.claimedBy
                        ? item.claimedBy.id === viewerId
                          ? t("item.claimedByYou")
                          : t("item.claimedBy", { name: item.claimedBy.displayName ?? t("item.formerMember") })
                        : null}
                    </p>
                    {(!item.claimedBy || item.claimedBy.id === viewerId) && (
                      <Button variant="secondary" disabled={pending} onClick={() => toggleClaim(item)} className="min-h-9 px-3 py-1">
                        {item.claimedBy ? t("item.unclaim") : t("item.claim")}
                      </Button>
                    )}
                  </div>

                  <div className="mt-3">
                    <label htmlFor={reasonId} className="block text-sm font-medium">
                      {t("item.reasonLabel")}
                    </label>
                    <input
                      id={reasonId}
                      ref={(input) => {
                        reasonFields.current[item.id] = input;
                      }}
                      value={reasons[item.id] ?? ""}
                      maxLength={RESOLUTION_REASON_MAX_LENGTH}
                      onChange={(event) => setReasons((previous) => ({ ...previous, [item.id]: event.target.value }))}
                      onKeyDown={(event: ReactKeyboardEvent<HTMLInputElement>) => {
                        if (event.key === "Escape") cards.current[index]?.focus();
                      }}
                      aria-describedby={`${reasonId}-hint`}
                      className={fieldClasses}
                    />
                    <p id={`${reasonId}-hint`} className={hintClasses}>
                      {t("item.reasonHint")}
                    </p>
                  </div>

                  <div className="mt-3 flex flex-wrap gap-2">
                    <Button disabled={pending} onClick={() => resolveOne(item, "approve")}>
                      {t("item.approve")}
                    </Button>
                    <Button variant="secondary" disabled={pending} onClick={() => resolveOne(item, "hide")}>
                      {t("item.hide")}
                    </Button>
                    <Button variant="secondary" disabled={pending} onClick={() => resolveOne(item, "delete")}>
                      {t("item.delete")}
                    </Button>
                  </div>

                  <details className="mt-3">
                    <summary className="cursor-pointer text-sm font-medium text-brand-700 hover:underline dark:text-brand-300">{t("item.edit")}</summary>
                    <form
                      className="mt-2 space-y-2"
                      onSubmit={(event) => {
                        event.preventDefault();
                        const body = String(new FormData(event.currentTarget).get("body") ?? "");
                        const started = resolve([item.id], "edit", reasons[item.id] ?? "", body);
                        if (started === false) reasonFields.current[item.id]?.focus();
                      }}
                    >
                      <label htmlFor={`review-${item.id}-body`} className="block text-sm font-medium">
                        {t("item.editLabel")}
                      </label>
                      <textarea id={`review-${item.id}-body`} name="body" rows={6} defaultValue={item.post.bodyMarkdown} className={fieldClasses} />
                      <Button type="submit" variant="secondary" disabled={pending}>
                        {t("item.saveEdit")}
                      </Button>
                    </form>
                  </details>
                </article>
              </li>
            );
          })}
        </ol>
      )}

      <ReviewQueueShortcuts open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
