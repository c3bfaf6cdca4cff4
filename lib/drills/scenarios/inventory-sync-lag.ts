// Shipped scenario, written against the demo catalog (see payment-gateway-timeouts.ts for why a string module).
export const INVENTORY_SYNC_LAG = `key: inventory-sync-lag
name: Inventory sync lagging 40 minutes, oversells starting
summary: >-
  The stock feed from the ERP into the inventory service falls behind during the evening peak.
  Available-to-promise numbers are forty minutes old: fast sellers show in stock after they sold
  out and the first oversells reach the OMS. Decide whether to stop selling the affected SKUs,
  tell fulfilment before they pick orders that cannot ship, and answer the business.
severity_hint: SEV2
failing_service: Inventory service
teams: [Inventory, Fulfillment]
steps:
  - at: 0m
    alert: { source: alertmanager, service: Inventory service, severity: warning, status: firing, title: "InventorySyncLag: stock feed 25 min behind", description: "consumer lag 1.9M messages on stock-updates" }
  - at: 3m
    alert: { source: generic, service: ERP sync, severity: warning, status: firing, title: "ERP stock export batch running long (38 min)" }
  - at: 5m
    health: { service: Inventory service, status: degraded, note: "ATP data 40 min old" }
  - at: 7m
    alert: { source: alertmanager, service: OMS, severity: critical, status: firing, title: "OversellDetected: 212 order lines without stock", description: "allocation failures on 37 SKUs" }
  - at: 9m
    survey: { journey: post_purchase, text: "Got an email that my order is cancelled, it said in stock", count: 9 }
  - at: 11m
    stakeholder: { from: Head of Customer Service, message: "We are getting calls about cancelled orders. What do we tell customers?" }
  - at: 15m
    alert: { source: alertmanager, service: Inventory service, severity: warning, status: resolved, title: "InventorySyncLag: stock feed 25 min behind" }
`;
