// Client-safe catalog vocabulary shared by forms, the API, the importer and the map.
export const SERVICE_KINDS = [
  "storefront",
  "api",
  "payment",
  "inventory",
  "oms",
  "wms",
  "erp",
  "pim",
  "crm",
  "search",
  "feed",
  "shipping",
  "returns",
  "other",
] as const;
export type ServiceKindName = (typeof SERVICE_KINDS)[number];

export const SERVICE_KIND_LABELS: Record<ServiceKindName, string> = {
  storefront: "Storefront",
  api: "API",
  payment: "Payment",
  inventory: "Inventory",
  oms: "OMS",
  wms: "WMS",
  erp: "ERP",
  pim: "PIM",
  crm: "CRM",
  search: "Search",
  feed: "Feed",
  shipping: "3PL / shipping",
  returns: "Returns",
  other: "Other",
};

export const JOURNEYS = [
  "browse",
  "search",
  "product_page",
  "cart",
  "checkout",
  "payment",
  "fulfillment",
  "returns",
  "post_purchase",
] as const;
export type JourneyName = (typeof JOURNEYS)[number];

export const JOURNEY_LABELS: Record<JourneyName, string> = {
  browse: "Browse",
  search: "Search",
  product_page: "Product page",
  cart: "Cart",
  checkout: "Checkout",
  payment: "Payment",
  fulfillment: "Fulfillment",
  returns: "Returns / refunds",
  post_purchase: "Post-purchase",
};

export const TIERS = [1, 2, 3] as const;
export const TIER_LABELS: Record<(typeof TIERS)[number], string> = {
  1: "Tier 1 · customer-critical",
  2: "Tier 2 · important",
  3: "Tier 3 · internal",
};

export const HEALTH_STATES = ["unknown", "ok", "degraded", "down"] as const;
export type HealthName = (typeof HEALTH_STATES)[number];
