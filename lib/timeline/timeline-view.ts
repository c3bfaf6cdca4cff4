// Pure and client-safe: which of the loaded entries a person sees, given the filters they set.
import { amendmentOf } from "./amendment.ts";
import type { EventKindName } from "../vocabulary/timeline.ts";
import type { TimelineEventDto } from "./event-dto.ts";

/** Kind chips in the filter bar; "Updates" gathers what the system records. */
export const KIND_FILTERS = [
  { id: "note", label: "Notes", kinds: ["note"] },
  { id: "action", label: "Actions", kinds: ["action"] },
  { id: "decision", label: "Decisions", kinds: ["decision"] },
  { id: "hypothesis", label: "Hypotheses", kinds: ["hypothesis"] },
  { id: "notification", label: "Notified", kinds: ["notification"] },
  { id: "link", label: "Links", kinds: ["link"] },
  { id: "stakeholder", label: "Stakeholder updates", kinds: ["stakeholder_update"] },
  { id: "updates", label: "Updates", kinds: ["status_change", "severity_change", "role_change", "impact_change", "alert"] },
] as const satisfies readonly { id: string; label: string; kinds: readonly EventKindName[] }[];
export type KindFilterId = (typeof KIND_FILTERS)[number]["id"];

export interface TimelineFilters {
  /** Chips switched on; none means every kind. */
  kinds: KindFilterId[];
  authorId: string | null;
  pinnedOnly: boolean;
  text: string;
  showStruck: boolean;
  /** Show the change records (amendments) as rows of their own. */
  showChanges: boolean;
}

export const NO_FILTERS: TimelineFilters = {
  kinds: [],
  authorId: null,
  pinnedOnly: false,
  text: "",
  showStruck: false,
  showChanges: false,
};

/** Whether anything narrows the view (the display toggles do not count). */
export function isNarrowed(f: TimelineFilters): boolean {
  return f.kinds.length > 0 || f.authorId !== null || f.pinnedOnly || f.text.trim() !== "";
}

export function kindsOf(ids: readonly KindFilterId[]): EventKindName[] {
  return KIND_FILTERS.filter((k) => ids.includes(k.id)).flatMap((k) => [...k.kinds]);
}

function matches(e: TimelineEventDto, f: TimelineFilters, kinds: Set<EventKindName> | null, text: string): boolean {
  if (e.kind === "amendment") return f.showChanges && !isNarrowed(f);
  if (e.struck && !f.showStruck) return false;
  if (kinds && !kinds.has(e.kind)) return false;
  if (f.authorId !== null && e.author?.id !== f.authorId) return false;
  if (f.pinnedOnly && !e.pinned) return false;
  if (text && !e.body.toLowerCase().includes(text)) return false;
  return true;
}

/** The loaded entries to show, in order. Change records show only when asked for and nothing narrows the view. */
export function visibleEntries(events: readonly TimelineEventDto[], f: TimelineFilters): TimelineEventDto[] {
  const kinds = f.kinds.length ? new Set(kindsOf(f.kinds)) : null;
  const text = f.text.trim().toLowerCase();
  return events.filter((e) => matches(e, f, kinds, text));
}

/** The query for the server's history view with these filters (older matches than the loaded ones). */
export function historyQuery(f: TimelineFilters, before: number | undefined, limit: number): URLSearchParams {
  const q = new URLSearchParams({ limit: String(limit), includeStruck: String(f.showStruck) });
  if (before !== undefined) q.set("before", String(before));
  if (f.kinds.length) q.set("kind", kindsOf(f.kinds).join(","));
  if (f.authorId) q.set("author", f.authorId);
  if (f.pinnedOnly) q.set("pinned", "true");
  if (f.text.trim()) q.set("q", f.text.trim());
  return q;
}

export function struckCount(events: readonly TimelineEventDto[]): number {
  let n = 0;
  for (const e of events) if (e.struck && e.kind !== "amendment") n++;
  return n;
}

/** Everyone who wrote a loaded entry, by name, for the author filter. */
export function authorsOf(events: readonly TimelineEventDto[]): { id: string; name: string }[] {
  const byId = new Map<string, string>();
  for (const e of events) if (e.author && e.kind !== "amendment") byId.set(e.author.id, e.author.name);
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Who pinned each pinned entry, from the loaded change records ("pinned by Casey"). */
export function pinnedByOf(events: readonly TimelineEventDto[]): Map<number, string> {
  const by = new Map<number, string>();
  for (const e of events) {
    const change = e.kind === "amendment" ? amendmentOf(e) : null;
    if (!change) continue;
    if (change.change === "pin" && e.author) by.set(change.entry.seq, e.author.name);
    else if (!change.entry.pinned) by.delete(change.entry.seq);
  }
  return by;
}

/**
 * The pinned key moments, oldest first: those the server listed when the room opened, brought up
 * to date by every change this room applied since and by the loaded entries.
 */
export function pinnedEntries(
  fromServer: readonly TimelineEventDto[],
  events: readonly TimelineEventDto[],
  amended: Readonly<Record<number, TimelineEventDto>>,
): TimelineEventDto[] {
  const bySeq = new Map<number, TimelineEventDto>();
  for (const e of fromServer) bySeq.set(e.seq, e);
  for (const e of events) if (e.kind !== "amendment") bySeq.set(e.seq, e);
  for (const e of Object.values(amended)) bySeq.set(e.seq, e);
  return [...bySeq.values()].filter((e) => e.pinned && !e.struck).sort((a, b) => a.seq - b.seq);
}
