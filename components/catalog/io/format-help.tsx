const WARROOM_EXAMPLE = `version: 1
teams:
  - name: Payments
    chatChannel: "#team-payments"
    onCall: [pager:payments-primary]
    escalationContact: Head of Payments
    members: [ana@shop.example]
services:
  - name: Payment gateway adapter
    kind: payment          # storefront, api, payment, inventory, oms, wms, erp, …
    tier: 1                # 1 customer-critical … 3 internal
    owner: Payments
    journeys: [checkout, payment]
    runbookUrl: https://wiki.example/psp
    dependsOn:
      - OMS                # synchronous and critical
      - { service: Fraud screening, async: true, critical: false }`;

const BACKSTAGE_EXAMPLE = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: psp-adapter
  title: Payment gateway adapter
  annotations:
    warroom.io/tier: "1"
    warroom.io/journeys: checkout, payment
    warroom.io/runbook-url: https://wiki.example/psp
spec:
  type: payment
  owner: group:default/payments
  system: checkout
  dependsOn: [component:default/fraud-screening]
  providesApis: [payments-api]`;

/** What each format looks like, for someone writing a file by hand at 2 AM. */
export function FormatHelp() {
  return (
    <section aria-labelledby="formats-heading" className="space-y-3 rounded-lg border border-line bg-surface p-5 text-sm">
      <h2 id="formats-heading" className="font-semibold">
        Formats
      </h2>
      <details>
        <summary className="cursor-pointer font-medium text-ink">Warroom catalog (JSON or YAML)</summary>
        <p className="mt-2 text-ink-muted">
          What export writes. Fields left out keep their current value; <code className="font-mono text-xs">dependsOn</code>, when given, is
          the service’s complete list.
        </p>
        <pre className="mt-2 overflow-x-auto rounded-md border border-line bg-canvas p-3 font-mono text-xs leading-5 text-ink">
          {WARROOM_EXAMPLE}
        </pre>
      </details>
      <details>
        <summary className="cursor-pointer font-medium text-ink">Backstage catalog-info.yaml</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-ink-muted">
          <li>
            Group → team (display name, members by User email); Component and API → service; System → the services’ system and default
            owner.
          </li>
          <li>
            <code className="font-mono text-xs">dependsOn</code> and <code className="font-mono text-xs">consumesApis</code> become
            dependencies; an API depends on the component that provides it.
          </li>
          <li>
            Annotations <code className="font-mono text-xs">warroom.io/tier</code>, <code className="font-mono text-xs">journeys</code>,{" "}
            <code className="font-mono text-xs">kind</code>, <code className="font-mono text-xs">runbook-url</code>,{" "}
            <code className="font-mono text-xs">health-check-url</code>, and on groups{" "}
            <code className="font-mono text-xs">chat-channel</code>, <code className="font-mono text-xs">on-call</code>,{" "}
            <code className="font-mono text-xs">escalation-contact</code> fill in what Backstage has no field for.
          </li>
          <li>Resources, Domains and other kinds are skipped and listed.</li>
        </ul>
        <pre className="mt-2 overflow-x-auto rounded-md border border-line bg-canvas p-3 font-mono text-xs leading-5 text-ink">
          {BACKSTAGE_EXAMPLE}
        </pre>
      </details>
    </section>
  );
}
