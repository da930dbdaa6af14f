"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { setAlertSubscriptionAction } from "@/app/preferences/alert-actions";
import type { ShownConsentText } from "@/components/membership/shown-consent-text";
import { Switch } from "@/components/ui/switch";
import type { AppLocale } from "@/lib/i18n/locales";
import {
  DEFAULT_ALERT_STATE,
  isSubscribedLevel,
  LEVELS_FOR_TARGET,
  type AlertLevel,
  type AlertState,
  type AlertTarget,
  type PreferenceSource,
} from "@/lib/preferences/alert-vocabulary";

/** The React Query key of one target's alert state, shared by every control that shows it. */
export const alertStateQueryKey = (target: AlertTarget) => ["alertSubscription", target.type, target.id] as const;

type WatchMenuProps = {
  target: AlertTarget;
  name: string;
  /** The member's saved choice as the server rendered it (the default when they chose nothing). */
  saved: AlertState;
  source: PreferenceSource;
  /** The language the consent texts are shown in. */
  locale: AppLocale;
  /** Shown verbatim beside the raising choices (levels above Normal, e-mail on). */
  grantText: ShownConsentText;
  /** Shown verbatim under "What lowering or stopping means". */
  withdrawText: ShownConsentText;
};

type Change = Partial<AlertState>;
type Message = { tone: "done" | "failed"; text: string };

class ChangeRefused extends Error {}

/** What the server will make of a change (setAlertSubscription's rule): channels only above Normal. */
function applyChange(current: AlertState, change: Change): AlertState {
  const level = change.level ?? current.level;
  if (!isSubscribedLevel(level)) return { ...DEFAULT_ALERT_STATE, level };
  return { level, inApp: change.inApp ?? current.inApp, email: change.email ?? current.email };
}

/**
 * The Watch button and its menu: the levels this target offers (menu item radios: arrows move,
 * Enter chooses and closes, Space chooses and stays, Escape closes; focus returns to the button),
 * the consent text that raising means, the "E-mail me too" switch above Normal, and what lowering
 * means. Each choice shows at once, is saved in order (the last one wins), rolls back if refused,
 * and is announced.
 */
export function WatchMenu({ target, name, saved, source, locale, grantText, withdrawText }: WatchMenuProps) {
  const t = useTranslations("preferences.watch");
  const queryClient = useQueryClient();
  const queryKey = alertStateQueryKey(target);
  const id = useId();
  const [open, setOpen] = useState(false);
  const [activeLevel, setActiveLevel] = useState<AlertLevel | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef(new Map<AlertLevel, HTMLDivElement>());
  // The last state the server confirmed, to roll back to when the last change fails.
  const confirmed = useRef(saved);

  const { data } = useQuery({
    queryKey,
    queryFn: () => queryClient.getQueryData<AlertState>(queryKey) ?? confirmed.current,
    initialData: saved,
    // Only this menu's changes and fresh server props change it: nothing to fetch.
    enabled: false,
    staleTime: Infinity,
  });
  const state = data ?? saved;
  const levels = LEVELS_FOR_TARGET[target.type];

  // Newer server props (after revalidation, a later visit): adopt them unless changes are in flight.
  const savedJson = JSON.stringify(saved);
  useEffect(() => {
    const fresh = JSON.parse(savedJson) as AlertState;
    confirmed.current = fresh;
    if (queryClient.isMutating({ mutationKey: queryKey }) === 0) queryClient.setQueryData(queryKey, fresh);
    // queryKey is derived from the target, which the same props carry.
  }, [savedJson, queryClient]);

  // During onSuccess/onError the finishing mutation still counts as pending.
  const isLastChange = () => queryClient.isMutating({ mutationKey: queryKey }) <= 1;

  const mutation = useMutation({
    mutationKey: queryKey,
    scope: { id: queryKey.join(":") },
    mutationFn: async (change: Change) => {
      const result = await setAlertSubscriptionAction({
        targetType: target.type,
        targetId: target.id,
        ...change,
        source,
        locale,
        textVersions: { GRANTED: grantText.version, WITHDRAWN: withdrawText.version },
      });
      if (result.ok && result.data) return result.data;
      throw new ChangeRefused(result.ok ? undefined : result.formError);
    },
    onMutate: (change: Change) => {
      setMessage(null);
      const current = queryClient.getQueryData<AlertState>(queryKey) ?? confirmed.current;
      queryClient.setQueryData(queryKey, applyChange(current, change));
    },
    onSuccess: (result: AlertState, change: Change) => {
      confirmed.current = result;
      if (!isLastChange()) return;
      queryClient.setQueryData(queryKey, result);
      const text =
        change.level !== undefined ? t(`status.${target.type}.${result.level}`, { name }) : t(result.email ? "status.emailOn" : "status.emailOff", { name });
      setMessage({ tone: "done", text });
    },
    onError: (failure: Error) => {
      if (isLastChange()) queryClient.setQueryData(queryKey, confirmed.current);
      setMessage({ tone: "failed", text: failure instanceof ChangeRefused && failure.message ? failure.message : t("failed") });
    },
  });

  // Moves focus into the menu once it is open (the chosen level first, as the menu pattern says).
  useEffect(() => {
    if (open && activeLevel) itemRefs.current.get(activeLevel)?.focus();
  }, [open, activeLevel]);

  // A click or tap anywhere else closes the menu (focus stays where the person put it).
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const openMenu = (focusLevel: AlertLevel = state.level) => {
    setActiveLevel(levels.includes(focusLevel) ? focusLevel : levels[0]!);
    setOpen(true);
  };
  const closeMenu = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const choose = (level: AlertLevel, thenClose: boolean) => {
    if (level !== state.level) mutation.mutate({ level });
    if (thenClose) closeMenu();
  };

  const moveFocus = (from: AlertLevel, step: number | "first" | "last") => {
    const index = levels.indexOf(from);
    const nextIndex = step === "first" ? 0 : step === "last" ? levels.length - 1 : (index + step + levels.length) % levels.length;
    setActiveLevel(levels[nextIndex]!);
  };

  const onItemKeyDown = (event: KeyboardEvent<HTMLDivElement>, level: AlertLevel) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveFocus(level, 1),
      ArrowUp: () => moveFocus(level, -1),
      Home: () => moveFocus(level, "first"),
      End: () => moveFocus(level, "last"),
      Enter: () => choose(level, true),
      " ": () => choose(level, false),
    };
    const handle = keys[event.key];
    if (!handle) return;
    event.preventDefault();
    handle();
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    openMenu(event.key === "ArrowUp" ? levels.at(-1) : state.level);
  };

  const subscribed = isSubscribedLevel(state.level);

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <div
        ref={rootRef}
        className="relative"
        onKeyDown={(event) => {
          if (event.key === "Escape" && open) {
            event.preventDefault();
            closeMenu();
          }
        }}
        onBlur={(event) => {
          // Tabbing out of the menu and its panel closes it.
          if (open && !rootRef.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
        }}
      >
        <button
          ref={buttonRef}
          type="button"
          aria-expanded={open}
          aria-controls={open ? `${id}-panel` : undefined}
          onClick={() => (open ? setOpen(false) : openMenu())}
          onKeyDown={onButtonKeyDown}
          className={`inline-flex min-h-10 items-center gap-2 rounded-md border px-3 py-2 text-sm font-medium transition-colors ${
            subscribed
              ? "border-brand-700 bg-brand-50 text-brand-700 hover:bg-brand-100 dark:border-brand-300 dark:bg-zinc-900 dark:text-brand-300 dark:hover:bg-zinc-800"
              : "border-zinc-300 bg-white text-zinc-900 hover:bg-zinc-100 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
          }`}
        >
          <BellIcon muted={state.level === "MUTED"} />
          <span>{t(`button.${target.type}.${state.level}`)}</span>
          <span aria-hidden="true" className="text-xs">
            ▾
          </span>
        </button>
        {open && (
          <div
            id={`${id}-panel`}
            className="absolute left-0 z-30 mt-2 w-[min(24rem,calc(100vw-2rem))] rounded-lg border border-zinc-300 bg-white p-3 text-zinc-900 shadow-lg dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100"
          >
            <p id={`${id}-label`} className="px-2 text-sm font-semibold break-words">
              {t("menuLabel", { name })}
            </p>
            <div role="menu" aria-labelledby={`${id}-label`} aria-describedby={`${id}-grant`} className="mt-2 flex flex-col gap-1">
              {levels.map((level) => {
                const checked = level === state.level;
                return (
                  <div
                    key={level}
                    ref={(element) => {
                      if (element) itemRefs.current.set(level, element);
                      else itemRefs.current.delete(level);
                    }}
                    role="menuitemradio"
                    aria-checked={checked}
                    aria-labelledby={`${id}-${level}-label`}
                    aria-describedby={`${id}-${level}-description`}
                    tabIndex={level === activeLevel ? 0 : -1}
                    onClick={() => choose(level, true)}
                    onKeyDown={(event) => onItemKeyDown(event, level)}
                    onFocus={() => setActiveLevel(level)}
                    className={`flex cursor-pointer gap-2 rounded-md px-2 py-2 hover:bg-zinc-100 focus-visible:bg-zinc-100 dark:hover:bg-zinc-800 dark:focus-visible:bg-zinc-800 ${
                      checked ? "bg-brand-50 dark:bg-zinc-800" : ""
                    }`}
                  >
                    {/* Checked is not shown by colour alone: a check mark marks it. */}
                    <span aria-hidden="true" className="w-4 shrink-0 font-bold text-brand-700 dark:text-brand-300">
                      {checked ? "✓" : ""}
                    </span>
                    <span className="min-w-0">
                      <span id={`${id}-${level}-label`} className="block font-medium">
                        {t(`levels.${target.type}.${level}.label`)}
                      </span>
                      <span id={`${id}-${level}-description`} className="block text-sm text-zinc-600 dark:text-zinc-400">
                        {t(`levels.${target.type}.${level}.description`)}
                      </span>
                    </span>
                  </div>
                );
              })}
            </div>
            <div className="mt-3 border-t border-zinc-200 px-2 pt-3 text-sm dark:border-zinc-700">
              <p className="font-medium">{t(`grantLead.${target.type}`)}</p>
              <p id={`${id}-grant`} lang={locale} className="mt-1 text-zinc-700 dark:text-zinc-300">
                {grantText.body}
              </p>
              {subscribed && (
                <div className="mt-3">
                  <Switch checked={state.email} onChange={(email) => mutation.mutate({ email })} label={t("email")} description={t("emailHint")} />
                </div>
              )}
              <details className="mt-3">
                <summary className="cursor-pointer font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-300">{t("whatStopping")}</summary>
                <p lang={locale} className="mt-1 text-zinc-700 dark:text-zinc-300">
                  {withdrawText.body}
                </p>
              </details>
            </div>
          </div>
        )}
      </div>
      <p
        role="status"
        className={`text-sm font-medium ${message?.tone === "failed" ? "text-red-700 dark:text-red-400" : "text-green-800 dark:text-green-300"}`}
      >
        {message?.text}
      </p>
    </div>
  );
}

function BellIcon({ muted }: { muted: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      {muted && <path d="M3 3l18 18" />}
    </svg>
  );
}
