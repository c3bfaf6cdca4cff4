// The request of one page, in each vendor's documented format. Pure: no I/O, no secrets (the
// sender adds PagerDuty's routing key and Opsgenie's GenieKey header from the route's channel at
// send time, so keys never sit in the delivery log).
import type { SeverityName } from "../vocabulary/incidents.ts";
import { OPSGENIE_PRIORITY, PAGERDUTY_SEVERITY, type PagingKindName } from "./constants.ts";
import type { PagingEndpoints } from "./paging-config.ts";

export interface Responder {
  type: "team" | "user" | "escalation" | "schedule";
  name: string;
}

export interface PageMessage {
  action: "trigger" | "resolve";
  dedupKey: string;
  team: string;
  incident: { id: string; ref: string; title: string; severity: SeverityName; url: string; services: string[] };
  reason: string;
  pagedBy: string | null;
  /** Escalation to a named person of the calling order ("next contact"). */
  contact?: string | null;
  /** 0 for the first page, n for the n-th escalation. */
  escalation?: number;
  responders?: Responder[];
  isTest?: boolean;
}

export interface RenderedPage {
  url: string;
  body: Record<string, unknown>;
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** What the person on call reads first on their phone. */
export function pageSummary(m: PageMessage): string {
  if (m.isTest) return `Test page from Warroom for ${m.team}: nothing is wrong.`;
  const contact = m.contact ? ` (escalated to ${m.contact})` : m.escalation ? ` (escalation ${m.escalation})` : "";
  const reason = m.reason ? `: ${m.reason}` : "";
  return `[${m.incident.severity}] ${m.incident.ref} ${m.incident.title}${reason}${contact}`;
}

/** Events API v2: https://developer.pagerduty.com/docs/events-api-v2/trigger-events/ */
function renderPagerDuty(m: PageMessage, endpoints: PagingEndpoints): RenderedPage {
  if (m.action === "resolve") return { url: endpoints.pagerDutyEventsUrl, body: { event_action: "resolve", dedup_key: m.dedupKey } };
  return {
    url: endpoints.pagerDutyEventsUrl,
    body: {
      event_action: "trigger",
      dedup_key: m.dedupKey,
      payload: {
        summary: clip(pageSummary(m), 1024),
        source: "Warroom",
        severity: m.isTest ? "info" : PAGERDUTY_SEVERITY[m.incident.severity],
        timestamp: new Date().toISOString(),
        component: m.incident.services.join(", ") || undefined,
        group: m.team,
        class: m.isTest ? "test" : "incident",
        custom_details: {
          incident: m.incident.ref,
          title: m.incident.title,
          reason: m.reason,
          paged_by: m.pagedBy,
          ...(m.contact ? { contact: m.contact } : {}),
          ...(m.escalation ? { escalation: m.escalation } : {}),
        },
      },
      client: "Warroom",
      client_url: m.incident.url,
      links: [{ href: m.incident.url, text: `Open the war room for ${m.incident.ref}` }],
    },
  };
}

/** Alert API: https://docs.opsgenie.com/docs/alert-api (create; close by alias). */
function renderOpsgenie(m: PageMessage, endpoints: PagingEndpoints): RenderedPage {
  const base = `${endpoints.opsgenieApiUrl}/v2/alerts`;
  if (m.action === "resolve") {
    return {
      url: `${base}/${encodeURIComponent(m.dedupKey)}/close?identifierType=alias`,
      body: { source: "Warroom", user: m.pagedBy ?? "Warroom", note: `${m.incident.ref} was resolved in Warroom` },
    };
  }
  const responders = [...(m.responders ?? [])];
  // "Next contact": a contact that looks like an Opsgenie user name (an email) is added as a user.
  if (m.contact && m.contact.includes("@")) responders.push({ type: "user", name: m.contact });
  return {
    url: base,
    body: {
      message: clip(pageSummary(m), 130),
      alias: m.dedupKey,
      description: clip([m.reason, `War room: ${m.incident.url}`].filter(Boolean).join("\n\n"), 15000),
      responders: responders.map((r) => (r.type === "user" ? { type: "user", username: r.name } : { type: r.type, name: r.name })),
      tags: ["warroom", m.incident.ref, m.incident.severity],
      details: {
        incident: m.incident.ref,
        team: m.team,
        url: m.incident.url,
        ...(m.pagedBy ? { pagedBy: m.pagedBy } : {}),
        ...(m.contact ? { contact: m.contact } : {}),
      },
      entity: m.incident.services.join(", ") || m.team,
      source: "Warroom",
      priority: m.isTest ? "P5" : OPSGENIE_PRIORITY[m.incident.severity],
      user: m.pagedBy ?? "Warroom",
      note: m.escalation ? `Escalation ${m.escalation}` : undefined,
    },
  };
}

/** Warroom's own page format for GoAlert and in-house pagers, signed like every webhook channel. */
function renderPageWebhook(m: PageMessage, url: string): RenderedPage {
  return {
    url,
    body: {
      type: m.action === "resolve" ? "page.resolve" : m.isTest ? "page.test" : "page.trigger",
      dedupKey: m.dedupKey,
      summary: pageSummary(m),
      severity: m.incident.severity,
      team: m.team,
      reason: m.reason,
      pagedBy: m.pagedBy,
      contact: m.contact ?? null,
      escalation: m.escalation ?? 0,
      incident: { id: m.incident.id, ref: m.incident.ref, title: m.incident.title, url: m.incident.url, services: m.incident.services },
    },
  };
}

export function renderPage(kind: PagingKindName, m: PageMessage, endpoints: PagingEndpoints, webhookUrl: string): RenderedPage {
  if (kind === "pagerduty") return renderPagerDuty(m, endpoints);
  if (kind === "opsgenie") return renderOpsgenie(m, endpoints);
  return renderPageWebhook(m, webhookUrl);
}

/** Fixed per incident and team: every retry, re-page and escalation of it is the same vendor alert. */
export function pageDedupKey(incidentId: string, teamId: string): string {
  return `warroom-${incidentId}-${teamId}`;
}

/** The test page of a route: one key, so "cancel" resolves exactly it. */
export function testDedupKey(routeId: string): string {
  return `warroom-test-${routeId}`;
}
