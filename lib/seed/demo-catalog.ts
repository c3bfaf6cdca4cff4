// The demo organisation: a mid-size e-commerce stack, wired the way these stacks usually are.
import type { Journey, ServiceKind } from "../db/generated/client.ts";

export const DEMO_TEAMS = [
  { name: "Storefront", chatChannel: "#team-storefront" },
  { name: "Checkout", chatChannel: "#team-checkout" },
  { name: "Payments", chatChannel: "#team-payments" },
  { name: "Inventory", chatChannel: "#team-inventory" },
  { name: "Fulfillment", chatChannel: "#team-fulfillment" },
  { name: "ERP/Integrations", chatChannel: "#team-integrations" },
  { name: "Search & Feeds", chatChannel: "#team-search" },
] as const;

type TeamName = (typeof DEMO_TEAMS)[number]["name"];

interface DemoService {
  name: string;
  kind: ServiceKind;
  tier: number;
  team: TeamName;
  journeys: Journey[];
  description: string;
}

export const DEMO_SERVICES: DemoService[] = [
  { name: "Storefront", kind: "storefront", tier: 1, team: "Storefront", journeys: ["browse", "product_page"], description: "Web and app front end" },
  { name: "Cart API", kind: "api", tier: 1, team: "Checkout", journeys: ["cart"], description: "Baskets, line items and totals" },
  { name: "Checkout API", kind: "api", tier: 1, team: "Checkout", journeys: ["checkout"], description: "Order placement and address/shipping selection" },
  { name: "Promotions API", kind: "api", tier: 2, team: "Checkout", journeys: ["cart", "checkout"], description: "Vouchers, discounts and price rules" },
  { name: "Payment gateway adapter", kind: "payment", tier: 1, team: "Payments", journeys: ["checkout", "payment", "returns"], description: "Authorise, capture and refund through the PSP" },
  { name: "Inventory service", kind: "inventory", tier: 1, team: "Inventory", journeys: ["product_page", "cart", "checkout"], description: "Available-to-promise stock per SKU and location" },
  { name: "OMS", kind: "oms", tier: 1, team: "Fulfillment", journeys: ["checkout", "fulfillment", "post_purchase"], description: "Order management: routing, splitting, status" },
  { name: "WMS", kind: "wms", tier: 2, team: "Fulfillment", journeys: ["fulfillment"], description: "Warehouse picking, packing and stock moves" },
  { name: "3PL / shipping API", kind: "shipping", tier: 2, team: "Fulfillment", journeys: ["fulfillment", "post_purchase"], description: "Carrier labels, tracking and 3PL hand-off" },
  { name: "Returns API", kind: "returns", tier: 2, team: "Fulfillment", journeys: ["returns"], description: "Return authorisations and refunds" },
  { name: "ERP sync", kind: "erp", tier: 2, team: "ERP/Integrations", journeys: ["fulfillment"], description: "Orders, stock and finance to and from the ERP" },
  { name: "CRM", kind: "crm", tier: 3, team: "ERP/Integrations", journeys: ["post_purchase"], description: "Customer profiles and marketing consent" },
  { name: "PIM", kind: "pim", tier: 2, team: "Search & Feeds", journeys: ["browse", "product_page"], description: "Product information: attributes, media, prices" },
  { name: "Search index", kind: "search", tier: 1, team: "Search & Feeds", journeys: ["search", "browse"], description: "Product search and category listings" },
  { name: "Product feeds", kind: "feed", tier: 3, team: "Search & Feeds", journeys: ["browse"], description: "Marketplace and shopping-ad feeds" },
];

/** [from, to, isAsync]: "from" calls or depends on "to". */
export const DEMO_DEPENDENCIES: [string, string, boolean][] = [
  ["Storefront", "Cart API", false],
  ["Storefront", "Checkout API", false],
  ["Storefront", "Search index", false],
  ["Storefront", "PIM", false],
  ["Storefront", "Inventory service", false],
  ["Cart API", "Inventory service", false],
  ["Cart API", "Promotions API", false],
  ["Checkout API", "Cart API", false],
  ["Checkout API", "Payment gateway adapter", false],
  ["Checkout API", "Inventory service", false],
  ["Checkout API", "OMS", false],
  ["OMS", "Payment gateway adapter", false],
  ["OMS", "WMS", true],
  ["OMS", "ERP sync", true],
  ["OMS", "3PL / shipping API", true],
  ["OMS", "CRM", true],
  ["WMS", "Inventory service", true],
  ["Inventory service", "ERP sync", true],
  ["Search index", "PIM", true],
  ["Search index", "Inventory service", true],
  ["Product feeds", "PIM", true],
  ["Product feeds", "Inventory service", true],
  ["Returns API", "OMS", false],
  ["Returns API", "Payment gateway adapter", false],
  ["Returns API", "CRM", true],
];

export const DEMO_PASSWORD = "warroom-demo";

export const DEMO_USERS = [
  { email: "admin@warroom.local", name: "Ada Admin", role: "ADMIN" },
  { email: "commander@warroom.local", name: "Casey Commander", role: "COMMANDER" },
  { email: "responder@warroom.local", name: "Riley Responder", role: "RESPONDER" },
  { email: "viewer@warroom.local", name: "Vic Viewer", role: "VIEWER" },
] as const;
