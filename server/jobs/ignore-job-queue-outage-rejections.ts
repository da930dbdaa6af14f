import "server-only";

// Connection-level failures: the server is shutting down or starting (57P01, 57P03), the
// connection is gone (class 08), or the socket could not be opened or was cut.
const OUTAGE_CODES = new Set(["57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006", "ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT"]);
const OUTAGE_MESSAGES = /Connection terminated|terminating connection|the database system is (shutting down|starting up)/i;

export function isDatabaseOutageError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  return (typeof code === "string" && OUTAGE_CODES.has(code)) || OUTAGE_MESSAGES.test(error.message);
}

const holder = globalThis as unknown as { entraideOutageGuard?: boolean };

/**
 * pg-boss 10 records a finished job with complete()/fail() without awaiting them
 * (manager.js, work()): when the database is down at that moment the promise rejects unhandled
 * and Node 20 ends the process — every worker (and every web instance running the jobs) died when
 * PostgreSQL restarted (test/faults/postgres-restart.test.ts). Such a rejection is logged on one
 * line instead; the job stays "active" until it expires and then runs again (every handler is
 * idempotent). Any other unhandled rejection keeps Node's behaviour: when this is the only
 * listener (the worker script) it is printed and the process exits with status 1; in the web
 * server Next's own listener reports it.
 */
export function ignoreJobQueueOutageRejections(): void {
  if (holder.entraideOutageGuard) return;
  holder.entraideOutageGuard = true;
  const onRejection = (reason: unknown) => {
    if (isDatabaseOutageError(reason)) {
      console.warn(`[entraide] job queue: the database was unreachable while recording a job (${(reason as Error).message}); it will run again after it expires`);
      return;
    }
    if (process.listenerCount("unhandledRejection") === 1) {
      console.error("Unhandled promise rejection:", reason);
      process.exit(1);
    }
  };
  process.on("unhandledRejection", onRejection);
}
