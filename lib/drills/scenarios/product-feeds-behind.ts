// Shipped scenario, written against the demo catalog (see payment-gateway-timeouts.ts for why a string module).
export const PRODUCT_FEEDS_BEHIND = `key: product-feeds-behind
name: Product feeds 4 hours behind on prices
summary: >-
  A merchandiser changed one attribute on the whole Black Friday range this morning; the PIM
  fanned it out into millions of product updates and the marketplace and shopping-ad feeds are
  now four hours behind. Ads show yesterday's prices, marketplaces reject offers, paid traffic
  lands on products at the wrong price. Find where the backlog is and decide what to pause.
severity_hint: SEV3
failing_service: Product feeds
teams: [Search & Feeds]
steps:
  - at: 0m
    alert: { source: generic, service: Product feeds, severity: warning, status: firing, title: "Feed export age > 4h (Google Shopping, marketplace)" }
  - at: 2m
    alert: { source: alertmanager, service: PIM, severity: warning, status: firing, title: "PIMOutboundQueue: 3.1M product updates queued", description: "attribute change on 410k products fanned out to every channel" }
  - at: 5m
    health: { service: Product feeds, status: degraded, note: "prices in feeds 4h old" }
  - at: 8m
    survey: { journey: browse, text: "Price in the ad was different from the website", count: 6 }
  - at: 10m
    stakeholder: { from: Head of Performance Marketing, message: "Marketplace is rejecting our offers and ads show old prices. Should we pause the Black Friday campaigns?" }
  - at: 14m
    alert: { source: generic, service: Product feeds, severity: warning, status: resolved, title: "Feed export age > 4h (Google Shopping, marketplace)" }
`;
