// Shipped scenario, written against the demo catalog. Kept as a string module (not a .yaml file
// read at runtime) so the built server and `next build` bundle it without file-system reads.
export const PAYMENT_GATEWAY_TIMEOUTS = `key: payment-gateway-timeouts
name: Payment gateway adapter timeouts at 10× Black Friday traffic
summary: >-
  It is 20:05 on Black Friday and traffic is ten times a normal evening. The payment service
  provider starts answering slowly; the payment gateway adapter's connection pool fills and
  authorisations time out. Checkout looks up but card payments fail. Find the failing service,
  set severity and impact, tell every team in the blast radius and keep the business informed.
severity_hint: SEV1
failing_service: Payment gateway adapter
teams: [Payments, Checkout]
steps:
  - at: 0m
    alert: { source: alertmanager, service: Payment gateway adapter, severity: critical, status: firing, title: "PaymentGatewayTimeouts: p99 authorisation latency > 8s", description: "p99 8.4s over 5m, 10x baseline request rate" }
  - at: 1m
    alert: { source: alertmanager, service: Checkout API, severity: warning, status: firing, title: "CheckoutErrorRate: 5xx > 12%", description: "POST /orders failing after payment step" }
  - at: 2m
    health: { service: Payment gateway adapter, status: degraded, note: "timeouts 38% of authorisations, pool 200/200 in use" }
  - at: 4m
    survey: { journey: checkout, text: "Card keeps getting declined, tried three cards", count: 14 }
  - at: 6m
    stakeholder: { from: Head of E-commerce, message: "Is checkout down? Trading wants numbers and an ETA in ten minutes." }
  - at: 8m
    health: { service: Payment gateway adapter, status: down, note: "circuit breaker open to the PSP" }
  - at: 10m
    survey: { journey: payment, text: "Payment page spins forever then says try again", count: 31 }
  - at: 12m
    alert: { source: alertmanager, service: Payment gateway adapter, severity: critical, status: resolved, title: "PaymentGatewayTimeouts: p99 authorisation latency > 8s" }
`;
