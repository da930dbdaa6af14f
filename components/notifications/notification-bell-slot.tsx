import { getCurrentUser } from "@/server/auth/get-current-user";
import { countUnreadNotifications } from "@/server/notifications/count-unread-notifications";
import { NotificationBell } from "./notification-bell";

/** The bell for signed-in people (nothing for visitors), with the unread count as rendered. */
export async function NotificationBellSlot() {
  const user = await getCurrentUser();
  if (!user) return null;
  return <NotificationBell initialUnread={await countUnreadNotifications(user.id)} />;
}
