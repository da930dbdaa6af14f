import "server-only";
import type { AlertState, AlertTargetType } from "@/lib/preferences/alert-vocabulary";

/** The AlertSubscription column that names each kind of target. */
export function targetColumn(type: AlertTargetType): "productId" | "categoryId" | "threadId" {
  return type === "product" ? "productId" : type === "category" ? "categoryId" : "threadId";
}

/** The consent purpose ledgering each kind of target's alerts. */
export const ALERT_PURPOSE = { product: "PRODUCT_ALERTS", category: "CATEGORY_ALERTS", thread: "THREAD_ALERTS" } as const satisfies Record<AlertTargetType, string>;

/** The ledger row's `detail`: the state the change left, e.g. "level=NEW_THREADS inApp=on email=off". */
export function describeAlertState(state: AlertState): string {
  return `level=${state.level} inApp=${state.inApp ? "on" : "off"} email=${state.email ? "on" : "off"}`;
}
