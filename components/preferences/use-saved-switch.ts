"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";

/** What a switch's server action answered: the saved value, or a translated refusal. */
export type SwitchSendResult = { ok: true; on: boolean } | { ok: false; message?: string };

type SavedSwitchOptions = {
  queryKey: readonly unknown[];
  /** As the server rendered it; adopted again whenever the server sends newer props. */
  initial: boolean;
  send: (on: boolean) => Promise<SwitchSendResult>;
  /** Called after each answer: the saved value, or the refusal (already rolled back). */
  onSaved?: (on: boolean) => void;
  onFailed?: (message: string | undefined) => void;
};

class SwitchRefused extends Error {
  constructor(readonly refusal: string | undefined) {
    super("refused");
  }
}

/**
 * One on/off preference kept in the React Query cache: shown at once on click, saved in click
 * order (one mutation scope per switch, so the last click wins), the server's answer adopted
 * once no later click waits, rolled back to the last saved value when the server refuses.
 */
export function useSavedSwitch({ queryKey, initial, send, onSaved, onFailed }: SavedSwitchOptions) {
  const queryClient = useQueryClient();
  const confirmed = useRef(initial);
  const keyJson = JSON.stringify(queryKey);
  const { data } = useQuery({ queryKey, queryFn: () => confirmed.current, initialData: initial, enabled: false, staleTime: Infinity });

  useEffect(() => {
    confirmed.current = initial;
    if (queryClient.isMutating({ mutationKey: queryKey }) === 0) queryClient.setQueryData(queryKey, initial);
    // keyJson stands for queryKey (a new array on every render).
  }, [initial, keyJson, queryClient]);

  const isLastClick = () => queryClient.isMutating({ mutationKey: queryKey }) <= 1;
  const mutation = useMutation({
    mutationKey: queryKey,
    scope: { id: keyJson },
    mutationFn: async (on: boolean) => {
      const result = await send(on);
      if (result.ok) return result.on;
      throw new SwitchRefused(result.message);
    },
    onMutate: (on: boolean) => queryClient.setQueryData(queryKey, on),
    onSuccess: (saved: boolean) => {
      confirmed.current = saved;
      if (isLastClick()) queryClient.setQueryData(queryKey, saved);
      onSaved?.(saved);
    },
    onError: (failure: Error) => {
      if (isLastClick()) queryClient.setQueryData(queryKey, confirmed.current);
      onFailed?.(failure instanceof SwitchRefused ? failure.refusal : undefined);
    },
  });

  return { on: data ?? initial, set: (on: boolean) => mutation.mutate(on), pending: mutation.isPending };
}
