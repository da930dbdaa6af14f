/** React Query keys of the notification islands (the header's bell). */
export const notificationQueryKeys = {
  unreadCount: ["notifications", "unread-count"] as const,
};
