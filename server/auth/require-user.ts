import "server-only";
import { redirect } from "next/navigation";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getCurrentUser } from "./get-current-user";

/**
 * The signed-in person; otherwise sends them to sign in and, afterwards, back to `returnTo`
 * (the current page's path: server components cannot see the URL, so the page passes it).
 */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (user) return user;
  redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
}
