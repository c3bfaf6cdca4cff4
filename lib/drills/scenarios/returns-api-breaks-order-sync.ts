// Shipped scenario, written against the demo catalog (see payment-gateway-timeouts.ts for why a string module).
export const RETURNS_API_BREAKS_ORDER_SYNC = `key: returns-api-breaks-order-sync
name: A new returns API release breaks order sync
summary: >-
  The fulfilment team shipped a new version of the returns API at 18:00. It changed the order
  status it writes back, and the OMS now rejects status updates for every order with a return,
  so order sync to the ERP stalls behind them. Refunds stop and new orders queue. Find the
  release, decide between rollback and a fix forward, and tell finance and customer service.
severity_hint: SEV2
failing_service: Returns API
teams: [Fulfillment, ERP/Integrations]
steps:
  - at: 0m
    alert: { source: alertmanager, service: OMS, severity: critical, status: firing, title: "OrderSyncErrors: 4xx from OMS status update > 30%", description: "422 unknown status RETURN_PENDING_V2" }
  - at: 2m
    alert: { source: alertmanager, service: ERP sync, severity: warning, status: firing, title: "ERPOrderExportStalled: 5,400 orders waiting" }
  - at: 4m
    health: { service: Returns API, status: degraded, note: "v2.14.0 deployed 18:00, writes RETURN_PENDING_V2" }
  - at: 6m
    survey: { journey: returns, text: "Returned my parcel two weeks ago, still no refund", count: 11 }
  - at: 8m
    stakeholder: { from: Finance Controller, message: "Refund batch did not run. How many customers are waiting for money?" }
  - at: 10m
    health: { service: OMS, status: degraded, note: "status update queue 18k behind" }
  - at: 13m
    alert: { source: alertmanager, service: OMS, severity: critical, status: resolved, title: "OrderSyncErrors: 4xx from OMS status update > 30%" }
`;
