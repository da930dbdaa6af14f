import "server-only";
import { permanentRedirect } from "next/navigation";
import { postPath, threadPath } from "@/lib/discussions/discussion-paths";
import { findMergedThread } from "./find-merged-thread";

/**
 * For a thread page whose thread is gone: when it was merged into another, answers with a
 * permanent redirect there (a `?post=` permalink to the post, which kept its id); otherwise
 * returns and the caller answers 404.
 */
export async function redirectMergedThread(id: string, post: string | string[] | undefined): Promise<void> {
  const target = await findMergedThread(id);
  if (!target) return;
  permanentRedirect(typeof post === "string" && /^[a-z0-9]{1,64}$/i.test(post) ? postPath(target.id, target.slug, post) : threadPath(target.id, target.slug));
}
