import "server-only";

/**
 * What a NOTIFY on thread_activity or public_pages asks the page cache to drop: one thread's
 * pages (and the lists that show it), or everything (an unreadable payload counts as everything).
 */
export function parsePageChange(payload: string): { threadId: string } | { all: true } {
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value === "object" && value !== null) {
      const { threadId } = value as Record<string, unknown>;
      if (typeof threadId === "string" && threadId.length > 0) return { threadId };
    }
  } catch {
    // fall through
  }
  return { all: true };
}
