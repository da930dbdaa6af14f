"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { notificationQueryKeys } from "@/lib/notifications/query-keys";

/**
 * The signed-in person's unread count in the React Query cache, shared by the bell and the list.
 * Nothing is fetched: the server's render, the live stream and the mark-read actions set it.
 */
export function useUnreadCount(initial?: number) {
  const queryClient = useQueryClient();
  const { data } = useQuery({
    queryKey: notificationQueryKeys.unreadCount,
    queryFn: () => queryClient.getQueryData<number>(notificationQueryKeys.unreadCount) ?? initial ?? 0,
    initialData: initial,
    enabled: false,
    staleTime: Infinity,
  });

  // A newer server render (navigation, an action's revalidation) brings a fresh count.
  useEffect(() => {
    if (initial !== undefined) queryClient.setQueryData(notificationQueryKeys.unreadCount, initial);
  }, [initial, queryClient]);

  return {
    unread: data ?? initial ?? 0,
    setUnread: (unread: number) => queryClient.setQueryData(notificationQueryKeys.unreadCount, unread),
    getUnread: () => queryClient.getQueryData<number>(notificationQueryKeys.unreadCount),
  };
}
