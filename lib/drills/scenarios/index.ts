// The scenarios shipped with Warroom, in the order the start page lists them.
import { INVENTORY_SYNC_LAG } from "./inventory-sync-lag.ts";
import { PAYMENT_GATEWAY_TIMEOUTS } from "./payment-gateway-timeouts.ts";
import { PRODUCT_FEEDS_BEHIND } from "./product-feeds-behind.ts";
import { RETURNS_API_BREAKS_ORDER_SYNC } from "./returns-api-breaks-order-sync.ts";

export const SHIPPED_SCENARIO_YAML: readonly string[] = [
  PAYMENT_GATEWAY_TIMEOUTS,
  INVENTORY_SYNC_LAG,
  PRODUCT_FEEDS_BEHIND,
  RETURNS_API_BREAKS_ORDER_SYNC,
];
