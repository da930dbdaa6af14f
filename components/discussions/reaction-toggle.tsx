"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";

type SendResult<S> = { data: S } | { failed: string | undefined };

type ReactionStateOptions<S> = {
  queryKey: readonly unknown[];
  /** Mutations with the same scope run one after another, in click order: the last click wins. */
  scopeId: string;
  /** As the server rendered it; adopted again whenever the server sends newer props. */
  initial: S;
  isOn: (state: S) => boolean;
  /** The state to show at once, before the server answers. */
  optimistic: (state: S, on: boolean) => S;
  /** Calls the server action; a refusal carries its translated message. */
  send: (on: boolean) => Promise<SendResult<S>>;
  /** Shown when the request failed without a message (network, server down). */
  fallbackError: string;
};

class ReactionRefused extends Error {}

/**
 * One on/off reaction kept in the React Query cache: optimistic on click, the server's answer
 * adopted once no later click is waiting, rolled back to the last confirmed state on failure.
 */
export function useReactionState<S>({ queryKey, scopeId, initial, isOn, optimistic, send, fallbackError }: ReactionStateOptions<S>) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  // The last state the server confirmed, to roll back to when the last click fails.
  const confirmed = useRef(initial);
  const { data } = useQuery({
    queryKey,
    queryFn: () => queryClient.getQueryData<S>(queryKey) ?? confirmed.current,
    initialData: initial,
    // Only mutations and fresh server props change it: nothing to fetch.
    enabled: false,
    staleTime: Infinity,
  });
  const state = data ?? initial;

  // Newer server props (the action's revalidation, a later visit): adopt them unless clicks are in flight.
  const initialJson = JSON.stringify(initial);
  useEffect(() => {
    const fresh = JSON.parse(initialJson) as S;
    confirmed.current = fresh;
    if (queryClient.isMutating({ mutationKey: queryKey }) === 0) queryClient.setQueryData(queryKey, fresh);
    // queryKey is derived from the same ids as the props: initialJson covers it.
  }, [initialJson, queryClient]);

  // During onSuccess/onError the finishing mutation still counts as pending.
  const isLastClick = () => queryClient.isMutating({ mutationKey: queryKey }) <= 1;

  const mutation = useMutation({
    mutationKey: queryKey,
    scope: { id: scopeId },
    mutationFn: async (on: boolean) => {
      const result = await send(on);
      if ("data" in result) return result.data;
      throw new ReactionRefused(result.failed ?? fallbackError);
    },
    onMutate: (on: boolean) => {
      setError(null);
      const current = queryClient.getQueryData<S>(queryKey) ?? confirmed.current;
      if (isOn(current) !== on) queryClient.setQueryData(queryKey, optimistic(current, on));
    },
    onSuccess: (saved: S) => {
      confirmed.current = saved;
      if (isLastClick()) queryClient.setQueryData(queryKey, saved);
    },
    onError: (failure: Error) => {
      if (isLastClick()) queryClient.setQueryData(queryKey, confirmed.current);
      setError(failure instanceof ReactionRefused ? failure.message : fallbackError);
    },
  });

  return { state, set: (on: boolean) => mutation.mutate(on), error };
}

type ReactionToggleProps = {
  pressed: boolean;
  onToggle: () => void;
  /** Visible text, shown as "label · count". */
  label: string;
  count: number;
  /** Starts with the visible label and says what pressing does (and the count). */
  accessibleName: string;
  error: string | null;
};

/** A toggle button (aria-pressed) with its count and a polite live region for refusals. */
export function ReactionToggle({ pressed, onToggle, label, count, accessibleName, error }: ReactionToggleProps) {
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      <button
        type="button"
        aria-pressed={pressed}
        aria-label={accessibleName}
        onClick={onToggle}
        className={`inline-flex min-h-9 items-center gap-1.5 rounded-full border px-3 py-1 text-sm font-medium transition-colors ${
          pressed
            ? "border-brand-700 bg-brand-700 text-white hover:bg-brand-600 dark:border-brand-300 dark:bg-brand-300 dark:text-zinc-950 dark:hover:bg-brand-400"
            : "border-zinc-400 bg-white text-zinc-900 hover:bg-zinc-100 dark:border-zinc-500 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
        }`}
      >
        {/* Pressed is not shown by colour alone: a check mark appears. */}
        <span aria-hidden="true" className="inline-block w-3 text-center">
          {pressed ? "✓" : "+"}
        </span>
        <span>
          {label} · <span className="tabular-nums">{count}</span>
        </span>
      </button>
      <span aria-live="polite" className="text-sm font-medium text-red-700 dark:text-red-400">
        {error}
      </span>
    </span>
  );
}
