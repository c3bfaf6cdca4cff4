// Pure: an incident's record → a post-mortem draft (title, facts snapshot, pre-filled sections).
// No I/O, so it is unit-tested with a seeded record and the same text reaches every reader.
import { JOURNEY_LABELS } from "../vocabulary/catalog.ts";
import type { ImpactSummaryDto } from "../impact/impact-dto.ts";
import { formatCount, formatMoney, formatPerMinute, formatWholeCount } from "../impact/format.ts";
import type { BlastRadiusDto } from "../incidents/get-blast-radius.ts";
import type { IncidentDto } from "../incident-record/incident-dto.ts";
import { durations } from "../incident-record/key-times.ts";
import { KIND_LABELS } from "../vocabulary/timeline.ts";
import type { TimelineEventDto } from "../timeline/event-dto.ts";
import { formatDuration } from "../time/format.ts";
import type { FactEntry, NotificationFact, PostmortemFacts } from "./postmortem-facts.ts";
import type { TemplateSection } from "./templates.ts";

export interface IncidentRecord {
  incident: IncidentDto;
  impact: ImpactSummaryDto;
  blastRadius: BlastRadiusDto;
  /** The whole timeline in sequence order (amendments and struck entries are skipped here). */
  events: TimelineEventDto[];
}

export type { FactEntry, NotificationFact, PostmortemFacts };

export interface DraftSection extends TemplateSection {
  position: number;
  body: string;
}

export interface PostmortemDraft {
  title: string;
  facts: PostmortemFacts;
  sections: DraftSection[];
}

function dateTime(iso: string | null, timeZone: string): string {
  if (!iso) return "not recorded";
  const d = new Date(iso);
  const text = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
    timeZone,
  }).format(d);
  const zone =
    new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "short" }).formatToParts(d).find((p) => p.type === "timeZoneName")?.value ??
    timeZone;
  return `${text} ${zone}`;
}

const span = (ms: number | null) => (ms === null ? "not recorded" : formatDuration(ms));

/** One line of Markdown from user text: newlines folded, table pipes escaped. */
const oneLine = (text: string) => text.replace(/\s*\n+\s*/g, " ").trim();
const cell = (text: string) => oneLine(text).replace(/\|/g, "\\|");

function toFact(e: TimelineEventDto): FactEntry {
  return { seq: e.seq, at: e.occurredAt, kind: e.kind, author: e.author?.name ?? null, body: e.body };
}

export function collectFacts(record: IncidentRecord): PostmortemFacts {
  const { incident, impact, blastRadius } = record;
  const entries = record.events.filter((e) => e.kind !== "amendment" && !e.struck);
  const peak = impact.series.reduce(
    (m, p) => ({
      revenue: Math.max(m.revenue, p.revenue),
      orders: Math.max(m.orders, p.orders),
      customers: Math.max(m.customers, p.customers),
    }),
    { revenue: 0, orders: 0, customers: 0 },
  );
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  return {
    incident: {
      id: incident.id,
      ref: incident.ref,
      title: incident.title,
      severity: incident.severity,
      commander: incident.commander?.name ?? null,
    },
    timeZone: impact.timeZone,
    keyTimes: {
      startedAt: incident.startedAt,
      detectedAt: incident.detectedAt,
      acknowledgedAt: incident.acknowledgedAt,
      mitigatedAt: incident.mitigatedAt,
      resolvedAt: incident.resolvedAt,
    },
    durations: durations(incident),
    impact: {
      currency: impact.currency,
      loss: impact.lossSoFar,
      peakPerMinute: peak,
      responseCost: impact.responseCost.amount,
      journeys: impact.journeys.map((j) => ({
        journey: j.journey,
        label: JOURNEY_LABELS[j.journey],
        degradation: j.degradation,
        ended: j.ended,
        failedCheckouts: j.evidence.failedCheckouts,
        errorRate: j.evidence.errorRate,
        supportTickets: j.evidence.supportTickets,
      })),
    },
    services: incident.services.map((s) => ({ name: s.name, team: s.team.name })),
    teams: blastRadius.teams.map((t) => ({
      name: t.team.name,
      owns: t.owns,
      notifiedAt: t.notification?.at ?? null,
      acknowledgedAt: t.notification?.acknowledgedAt ?? null,
    })),
    notifications: entries
      .filter((e) => e.kind === "notification")
      .map((e) => ({
        target: str(e.data?.target) ?? "unnamed",
        by: e.author?.name ?? null,
        channel: str(e.data?.channel) ?? "other",
        at: e.occurredAt,
        acknowledgedAt: str(e.data?.acknowledgedAt),
      })),
    pinned: entries.filter((e) => e.pinned).map(toFact),
    timeline: entries.map(toFact),
  };
}

function summaryBody(r: IncidentRecord, f: PostmortemFacts): string {
  const lines = [
    `**${f.incident.ref} · ${f.incident.severity}** — ${oneLine(r.incident.title)}. Lasted ${span(f.durations.mttrMs)}; ${formatMoney(f.impact.loss.revenue, f.impact.currency)} of revenue at risk.`,
  ];
  if (r.incident.summary.trim()) lines.push("", r.incident.summary.trim());
  // The template's guidance is shown beside the editor; it is never part of the document.
  return lines.join("\n");
}

function impactBody(f: PostmortemFacts): string {
  const c = f.impact.currency;
  const lines = [
    "| Figure | Value |",
    "| --- | --- |",
    `| Duration (start → resolved) | ${span(f.durations.mttrMs)} |`,
    `| Time to acknowledge (MTTA) | ${span(f.durations.mttaMs)} |`,
    `| Time to mitigate | ${span(f.durations.ttmMs)} |`,
    `| Time to resolve (MTTR) | ${span(f.durations.mttrMs)} |`,
    `| Revenue lost or at risk | ${formatMoney(f.impact.loss.revenue, c)} |`,
    `| Orders affected | ${formatWholeCount(f.impact.loss.orders)} |`,
    `| Customers affected | ${formatWholeCount(f.impact.loss.customers)} |`,
    `| Peak rate | ${formatPerMinute(f.impact.peakPerMinute.revenue, c)} |`,
    `| Response cost (people × hours) | ${formatMoney(f.impact.responseCost, c)} |`,
  ];
  if (f.impact.journeys.length) {
    lines.push("", "**Journeys affected**", "");
    for (const j of f.impact.journeys) {
      const evidence = [
        j.failedCheckouts !== null ? `${formatCount(j.failedCheckouts)} failed checkouts` : null,
        j.errorRate !== null ? `${j.errorRate}% errors` : null,
        j.supportTickets !== null ? `${formatCount(j.supportTickets)} support tickets` : null,
      ].filter(Boolean);
      const state = j.ended
        ? `was ${j.ended.degradation}% degraded until ${dateTime(j.ended.at, f.timeZone)}`
        : `${j.degradation}% degraded at last report`;
      lines.push(`- ${j.label}: ${state}${evidence.length ? ` (${evidence.join(", ")})` : ""}`);
    }
  }
  if (f.services.length) {
    lines.push("", "**Services involved**", "", ...f.services.map((s) => `- ${cell(s.name)} (${cell(s.team)})`));
  }
  return lines.join("\n");
}

function timelineBody(f: PostmortemFacts): string {
  const tz = f.timeZone;
  const lines = [
    "**Key times**",
    "",
    `- Started: ${dateTime(f.keyTimes.startedAt, tz)}`,
    `- Detected: ${dateTime(f.keyTimes.detectedAt, tz)}`,
    `- Acknowledged: ${dateTime(f.keyTimes.acknowledgedAt, tz)}`,
    `- Mitigated: ${dateTime(f.keyTimes.mitigatedAt, tz)}`,
    `- Resolved: ${dateTime(f.keyTimes.resolvedAt, tz)}`,
    "",
    "**Key moments** (pinned in the room)",
    "",
  ];
  if (f.pinned.length === 0) lines.push("_Nothing was pinned during the incident; add the moments that mattered._");
  for (const p of f.pinned) lines.push(`- **${dateTime(p.at, tz)}** — ${oneLine(p.body)}${p.author ? ` (${p.author})` : ""}`);
  return lines.join("\n");
}

function detectionBody(f: PostmortemFacts): string {
  const alerts = f.timeline.filter((e) => e.kind === "alert");
  const lines = [
    `Detected ${dateTime(f.keyTimes.detectedAt ?? f.keyTimes.startedAt, f.timeZone)}, acknowledged after ${span(f.durations.mttaMs)}.`,
  ];
  if (alerts.length)
    lines.push("", "Alerts received:", "", ...alerts.slice(0, 10).map((a) => `- ${dateTime(a.at, f.timeZone)} — ${oneLine(a.body)}`));
  lines.push("", "_How did we find out, and how could we have found out sooner?_");
  return lines.join("\n");
}

function responseBody(f: PostmortemFacts): string {
  const tz = f.timeZone;
  const lines = [
    "### What went well",
    "",
    "_Signals, tools and decisions that shortened the incident._",
    "",
    "### What went poorly",
    "",
    "_Where the response was slowed: missing access, unclear ownership, noisy alerts._",
    "",
    "### Where we got lucky",
    "",
    "_What could have made it worse, and did not, by chance._",
    "",
    "### Who was told, and when",
    "",
  ];
  if (f.notifications.length === 0 && f.teams.length === 0) {
    lines.push("_No notifications were recorded._");
  } else {
    lines.push("| Told | By | Channel | When | Acknowledged |", "| --- | --- | --- | --- | --- |");
    for (const n of f.notifications) {
      lines.push(
        `| ${cell(n.target)} | ${cell(n.by ?? "—")} | ${cell(n.channel.replace("_", " "))} | ${dateTime(n.at, tz)} | ${n.acknowledgedAt ? dateTime(n.acknowledgedAt, tz) : "no"} |`,
      );
    }
    const untold = f.teams.filter((t) => !t.notifiedAt);
    if (untold.length) lines.push("", `Teams in the blast radius never told: ${untold.map((t) => cell(t.name)).join(", ")}.`);
  }
  return lines.join("\n");
}

function appendixBody(f: PostmortemFacts): string {
  if (f.timeline.length === 0) return "_The timeline was empty._";
  return f.timeline
    .map(
      (e) =>
        `- \`#${e.seq}\` **${dateTime(e.at, f.timeZone)}** · ${KIND_LABELS[e.kind as keyof typeof KIND_LABELS] ?? e.kind}${e.author ? ` · ${cell(e.author)}` : ""}: ${oneLine(e.body)}`,
    )
    .join("\n");
}

/** Pre-filled Markdown for the sections the record can speak to; other sections start empty. */
export function prefillFor(key: string, record: IncidentRecord, facts: PostmortemFacts): string {
  switch (key) {
    case "summary":
      return summaryBody(record, facts);
    case "impact":
      return impactBody(facts);
    case "timeline":
      return timelineBody(facts);
    case "detection":
      return detectionBody(facts);
    case "response":
      return responseBody(facts);
    case "appendix":
      return appendixBody(facts);
    default:
      return "";
  }
}

export function draftPostmortem(record: IncidentRecord, template: { sections: readonly TemplateSection[] }): PostmortemDraft {
  const facts = collectFacts(record);
  return {
    title: `${record.incident.ref}: ${oneLine(record.incident.title)}`,
    facts,
    sections: template.sections.map((s, position) => ({ ...s, position, body: prefillFor(s.key, record, facts) })),
  };
}
