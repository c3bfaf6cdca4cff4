import { DATADOG_TEMPLATE, GENERIC_EXAMPLE, SECRET_HEADER, SURVEY_EXAMPLE, type IntegrationKindName } from "@/lib/integrations/kinds.ts";

// Code blocks scroll sideways: focusable (tabIndex 0) so a keyboard can scroll them too.
const pre = "mt-2 overflow-x-auto rounded-md border border-line bg-canvas p-3 font-mono text-[11px] leading-relaxed text-ink";

/** What to configure in the source, with this integration's URL and secret (or a placeholder). */
export function SetupInstructions({ kind, url, secret }: { kind: IntegrationKindName; url: string; secret: string }) {
  switch (kind) {
    case "alertmanager":
      return (
        <div className="space-y-2 text-sm text-ink-muted">
          <p>
            Add a receiver to <code className="font-mono text-xs">alertmanager.yml</code> and route the alerts that matter to it. Each alert
            (by its fingerprint) becomes one incident; the <code className="font-mono text-xs">service</code> label picks the catalog
            service.
          </p>
          <pre tabIndex={0} className={pre}>{`receivers:
  - name: warroom
    webhook_configs:
      - url: ${url}
        send_resolved: true
        http_config:
          authorization:
            type: Bearer
            credentials: ${secret}`}</pre>
        </div>
      );
    case "grafana":
      return (
        <div className="space-y-2 text-sm text-ink-muted">
          <p>
            Alerting → Contact points → New: integration <strong className="text-ink">Webhook</strong>, URL below, HTTP method POST. Under
            Optional settings set <strong className="text-ink">Authorization header – scheme</strong>{" "}
            <code className="font-mono text-xs">Bearer</code> and <strong className="text-ink">credentials</strong> to the secret (or basic
            auth with the secret as password).
          </p>
          <pre tabIndex={0} className={pre}>{`URL:           ${url}
Authorization: Bearer ${secret}`}</pre>
        </div>
      );
    case "pagerduty":
      return (
        <div className="space-y-2 text-sm text-ink-muted">
          <p>
            Integrations → Generic Webhooks (v3) → New Webhook: URL below, events{" "}
            <code className="font-mono text-xs">incident.triggered</code>, <code className="font-mono text-xs">incident.resolved</code>,{" "}
            <code className="font-mono text-xs">incident.reopened</code>. PagerDuty shows a{" "}
            <strong className="text-ink">signing secret</strong> once: paste it into “Signing secret” below so Warroom can check{" "}
            <code className="font-mono text-xs">X-PagerDuty-Signature</code>. Redeliveries of the same event are stored once.
          </p>
          <pre tabIndex={0} className={pre}>{`URL: ${url}`}</pre>
        </div>
      );
    case "opsgenie":
      return (
        <div className="space-y-2 text-sm text-ink-muted">
          <p>
            Settings → Integrations → Add <strong className="text-ink">Webhook</strong>: URL below, add a custom header, tick “Add Alert
            Description to Payload” and “Add Alert Details to Payload”, and post on <em>Create</em> and <em>Close</em>. The alert alias is
            the de-duplication key; a <code className="font-mono text-xs">service:&lt;name&gt;</code> tag picks the service.
          </p>
          <pre tabIndex={0} className={pre}>{`URL:    ${url}
Header: ${SECRET_HEADER}: ${secret}`}</pre>
        </div>
      );
    case "datadog":
      return (
        <div className="space-y-2 text-sm text-ink-muted">
          <p>
            Integrations → Webhooks → New: URL below, Custom Headers{" "}
            <code className="font-mono text-xs">{`{"${SECRET_HEADER}": "…"}`}</code>, and this payload. Then mention{" "}
            <code className="font-mono text-xs">@webhook-warroom</code> in a monitor’s message. A{" "}
            <code className="font-mono text-xs">service:&lt;name&gt;</code> tag picks the service.
          </p>
          <pre tabIndex={0} className={pre}>{`URL:            ${url}
Custom Headers: {"${SECRET_HEADER}": "${secret}"}`}</pre>
          <p className="text-xs font-medium uppercase tracking-wide">Payload</p>
          <pre tabIndex={0} className={pre} data-testid="datadog-template">
            {DATADOG_TEMPLATE}
          </pre>
        </div>
      );
    case "pingdom":
      return (
        <div className="space-y-2 text-sm text-ink-muted">
          <p>
            Integrations → Add integration → <strong className="text-ink">Webhook</strong>. Pingdom cannot send headers, so the secret goes
            in the URL; then enable the webhook on each check. The check name is matched against catalog service names.
          </p>
          <pre tabIndex={0} className={pre}>{`URL: ${url}?secret=${secret}`}</pre>
        </div>
      );
    case "generic":
      return (
        <div className="space-y-2 text-sm text-ink-muted">
          <p>
            POST JSON with the secret in a header: one alert, or{" "}
            <code className="font-mono text-xs">{`{ "deliveryId"?, "alerts": [ … ] }`}</code> (up to 1,000). Same{" "}
            <code className="font-mono text-xs">dedupKey</code> = same incident; <code className="font-mono text-xs">status</code> is{" "}
            <code className="font-mono text-xs">firing</code> (default) or <code className="font-mono text-xs">resolved</code>.
          </p>
          <pre tabIndex={0} className={pre}>{`curl -X POST ${url} \\
  -H "${SECRET_HEADER}: ${secret}" \\
  -H "content-type: application/json" \\
  -d '${GENERIC_EXAMPLE.replace(/\n\s*/g, " ")}'`}</pre>
        </div>
      );
    case "survey":
      return (
        <div className="space-y-2 text-sm text-ink-muted">
          <p>
            Answers from exit-intent and post-purchase surveys, counted per journey as impact evidence in the room (no incidents are
            opened). <strong className="text-ink">Delighted</strong>: Integrations → Webhooks, URL below with{" "}
            <code className="font-mono text-xs">?secret=</code> and the secret; a <code className="font-mono text-xs">journey</code>{" "}
            property names the journey. <strong className="text-ink">Zigpoll, Hotjar, Medallia</strong> and others: their webhook (or a
            Zapier/Make step) posting this JSON, one answer or <code className="font-mono text-xs">{`{ "responses": [ … ] }`}</code>.
            Without a journey, Warroom reads it from the comment (“card declined” → payment). The same{" "}
            <code className="font-mono text-xs">responseId</code> counts once.
          </p>
          <pre tabIndex={0} className={pre}>{`curl -X POST ${url} \\
  -H "${SECRET_HEADER}: ${secret}" \\
  -H "content-type: application/json" \\
  -d '${SURVEY_EXAMPLE.replace(/\n\s*/g, " ")}'`}</pre>
        </div>
      );
  }
}
