import "server-only";
import { env } from "@/server/env";

/** The retailer that runs this community (SHOP_NAME), for the footer and the home introduction. */
export function getShopName(): string {
  return env().SHOP_NAME;
}
