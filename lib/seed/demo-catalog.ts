// The demo organisation: a mid-size e-commerce stack, wired the way these stacks usually are.
import type { Journey, ServiceKind } from "../db/generated/client.ts";

export const DEMO_TEAMS = [
  {
    name: "Storefront",
    chatChannel: "#team-storefront",
    description: "Web and app front end: pages, sessions, the basket widget.",
    onCall: ["Mia Hart (primary) +1 555 0110", "pager: storefront-primary"],
    escalationContact: "Jonas Weber, Head of Digital +1 555 0190",
  },
  {
    name: "Checkout",
    chatChannel: "#team-checkout",
    description: "Cart, checkout and promotions APIs.",
    onCall: ["Priya Nair (primary) +1 555 0120", "Tom Okafor (secondary) +1 555 0121"],
    escalationContact: "Lena Fischer, Engineering Manager +1 555 0191",
  },
  {
    name: "Payments",
    chatChannel: "#team-payments",
    description: "PSP integration: authorise, capture, refund; fraud checks.",
    onCall: ["Diego Ramos (primary) +1 555 0130", "pager: payments-primary"],
    escalationContact: "Sara Lindqvist, Payments Lead +1 555 0192",
  },
  {
    name: "Inventory",
    chatChannel: "#team-inventory",
    description: "Available-to-promise stock per SKU and location, stock sync from the ERP.",
    onCall: ["Kenji Sato (primary) +1 555 0140"],
    escalationContact: "Olga Petrova, Supply Chain Tech Lead +1 555 0193",
  },
  {
    name: "Fulfillment",
    chatChannel: "#team-fulfillment",
    description: "Order management, warehouse, carriers and returns.",
    onCall: ["Sam Carter (primary) +1 555 0150", "pager: fulfillment-primary"],
    escalationContact: "Head of Operations +1 555 0194",
  },
  {
    name: "ERP/Integrations",
    chatChannel: "#team-integrations",
    description: "ERP sync, CRM and the middleware between them.",
    onCall: ["Noor Haddad (primary) +1 555 0160"],
    escalationContact: "Integration vendor hotline +1 555 0195",
  },
  {
    name: "Search & Feeds",
    chatChannel: "#team-search",
    description: "Search index, PIM and marketplace feeds.",
    onCall: ["Ella Novak (primary) +1 555 0170", "Ravi Kumar (secondary) +1 555 0171"],
    escalationContact: "Marco Bianchi, Discovery Lead +1 555 0196",
  },
] as const;

type TeamName = (typeof DEMO_TEAMS)[number]["name"];

interface DemoService {
  name: string;
  kind: ServiceKind;
  tier: number;
  team: TeamName;
  journeys: Journey[];
  description: string;
  runbookUrl?: string;
  /** Other names alerts use for it. */
  aliases?: string[];
}

export const DEMO_SERVICES: DemoService[] = [
  {
    name: "Storefront",
    kind: "storefront",
    tier: 1,
    team: "Storefront",
    journeys: ["browse", "product_page"],
    description: "Web and app front end",
    runbookUrl: "https://runbooks.example.com/storefront",
  },
  {
    name: "Cart API",
    kind: "api",
    tier: 1,
    team: "Checkout",
    journeys: ["cart"],
    description: "Baskets, line items and totals",
    runbookUrl: "https://runbooks.example.com/cart-api",
  },
  {
    name: "Checkout API",
    kind: "api",
    tier: 1,
    team: "Checkout",
    journeys: ["checkout"],
    description: "Order placement and address/shipping selection",
    runbookUrl: "https://runbooks.example.com/checkout-api",
  },
  {
    name: "Promotions API",
    kind: "api",
    tier: 2,
    team: "Checkout",
    journeys: ["cart", "checkout"],
    description: "Vouchers, discounts and price rules",
  },
  {
    name: "Payment gateway adapter",
    kind: "payment",
    tier: 1,
    team: "Payments",
    journeys: ["checkout", "payment", "returns"],
    description: "Authorise, capture and refund through the PSP",
    runbookUrl: "https://runbooks.example.com/payment-gateway-adapter",
    aliases: ["payment-gateway", "psp-adapter"],
  },
  {
    name: "Inventory service",
    kind: "inventory",
    tier: 1,
    team: "Inventory",
    journeys: ["product_page", "cart", "checkout"],
    description: "Available-to-promise stock per SKU and location",
    runbookUrl: "https://runbooks.example.com/inventory-service",
  },
  {
    name: "OMS",
    kind: "oms",
    tier: 1,
    team: "Fulfillment",
    journeys: ["checkout", "fulfillment", "post_purchase"],
    description: "Order management: routing, splitting, status",
    runbookUrl: "https://runbooks.example.com/oms",
  },
  {
    name: "WMS",
    kind: "wms",
    tier: 2,
    team: "Fulfillment",
    journeys: ["fulfillment"],
    description: "Warehouse picking, packing and stock moves",
  },
  {
    name: "3PL / shipping API",
    kind: "shipping",
    tier: 2,
    team: "Fulfillment",
    journeys: ["fulfillment", "post_purchase"],
    description: "Carrier labels, tracking and 3PL hand-off",
  },
  {
    name: "Returns API",
    kind: "returns",
    tier: 2,
    team: "Fulfillment",
    journeys: ["returns"],
    description: "Return authorisations and refunds",
  },
  {
    name: "ERP sync",
    kind: "erp",
    tier: 2,
    team: "ERP/Integrations",
    journeys: ["fulfillment"],
    description: "Orders, stock and finance to and from the ERP",
  },
  {
    name: "CRM",
    kind: "crm",
    tier: 3,
    team: "ERP/Integrations",
    journeys: ["post_purchase"],
    description: "Customer profiles and marketing consent",
  },
  {
    name: "PIM",
    kind: "pim",
    tier: 2,
    team: "Search & Feeds",
    journeys: ["browse", "product_page"],
    description: "Product information: attributes, media, prices",
  },
  {
    name: "Search index",
    kind: "search",
    tier: 1,
    team: "Search & Feeds",
    journeys: ["search", "browse"],
    description: "Product search and category listings",
    runbookUrl: "https://runbooks.example.com/search-index",
  },
  {
    name: "Product feeds",
    kind: "feed",
    tier: 3,
    team: "Search & Feeds",
    journeys: ["browse"],
    description: "Marketplace and shopping-ad feeds",
  },
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

/** Which demo users sit in which team (by email). */
export const DEMO_TEAM_MEMBERS: Record<TeamName, string[]> = {
  Storefront: ["viewer@warroom.local"],
  Checkout: ["commander@warroom.local"],
  Payments: ["commander@warroom.local", "responder@warroom.local"],
  Inventory: ["responder@warroom.local"],
  Fulfillment: ["responder@warroom.local"],
  "ERP/Integrations": ["admin@warroom.local"],
  "Search & Feeds": [],
};

export const DEMO_PASSWORD = "warroom-demo";

export const DEMO_USERS = [
  { email: "admin@warroom.local", name: "Ada Admin", role: "ADMIN" },
  { email: "commander@warroom.local", name: "Casey Commander", role: "COMMANDER" },
  { email: "responder@warroom.local", name: "Riley Responder", role: "RESPONDER" },
  { email: "viewer@warroom.local", name: "Vic Viewer", role: "VIEWER" },
] as const;
