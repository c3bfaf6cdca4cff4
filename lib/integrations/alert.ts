import { AppError } from "../errors/app-error.ts";

// The one shape every source's payload is read into, before de-duplication and mapping.
export interface NormalizedAlert {
  /** Same key = same problem: repeats go to the same incident. */
  dedupKey: string;
  status: "firing" | "resolved";
  title: string;
  description: string;
  labels: Record<string, string>;
  /** The source's own idea of the service (PagerDuty service, Pingdom check name…), when it has one. */
  serviceHint: string | null;
  /** The source's own severity or priority ("critical", "P1", "high"), when it has one. */
  severityHint: string | null;
  /** When the problem started (firing) or ended (resolved), as the source says; null when it does not. */
  startedAt: string | null;
  endedAt: string | null;
  sourceUrl: string | null;
  /** Runbook, graph and console links the source sent, kept on the room entry. */
  links?: AlertLink[];
  /** A notification group's members (Alertmanager groupKey), listed on the entry. */
  members?: AlertMember[];
  /** Who the source says owns it (PagerDuty teams/assignees/escalation policy, Opsgenie team/responders). */
  owners?: AlertOwners;
}

export interface AlertOwners {
  teams: string[];
  people: string[];
  escalationPolicy: string | null;
}

/** The `summary` (PagerDuty references) or `name` of each object in a list, or the strings themselves. */
export function namesOf(v: unknown, max = 20): string[] {
  if (!Array.isArray(v)) return [];
  const out: string[] = [];
  for (const item of v) {
    const name = isObject(item) ? (optionalString(item.summary) ?? optionalString(item.name)) : optionalString(item);
    if (name && !out.includes(name)) out.push(clip(name, 120));
    if (out.length >= max) break;
  }
  return out;
}

export interface AlertLink {
  label: string;
  url: string;
}

export interface AlertMember {
  title: string;
  status: "firing" | "resolved";
  instance: string | null;
  startedAt: string | null;
}

/** http(s) addresses only, each once, at most `max`: they end up as links in the room. */
export function collectLinks(candidates: { label: string; url: string | null | undefined }[], max = 10): AlertLink[] {
  const out: AlertLink[] = [];
  const seen = new Set<string>();
  for (const { label, url } of candidates) {
    const text = url?.trim();
    if (!text || seen.has(text) || !/^https?:\/\//i.test(text) || text.length > 2000) continue;
    seen.add(text);
    out.push({ label, url: text });
    if (out.length >= max) break;
  }
  return out;
}

export interface ParsedWebhook {
  alerts: NormalizedAlert[];
  /** The sender's id of this delivery (PagerDuty event.id): a redelivery is stored once. */
  deliveryId: string | null;
  /** Events that carry no alert state (a note, an acknowledgement): accepted and not stored. */
  ignored: number;
}

/** A payload that cannot be read: 422 naming the field, like every other validation error. */
export function malformed(field: string, message: string): AppError {
  return new AppError("validation_failed", `Invalid payload — ${field}: ${message}`, { fields: [{ field, message }] });
}

export type Json = Record<string, unknown>;

export function parseJsonObject(raw: string): Json {
  let value: unknown;
  try {
    value = JSON.parse(raw) as unknown;
  } catch {
    throw malformed("(body)", "is not valid JSON");
  }
  if (!isObject(value)) throw malformed("(body)", "must be a JSON object");
  return value;
}

export function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A required non-empty string (numbers are accepted as their text: ids often arrive as numbers). */
export function requireString(obj: Json, key: string, path: string): string {
  const v = obj[key];
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v !== "string" || v.trim() === "") throw malformed(path, "is required");
  return v.trim();
}

export function optionalString(v: unknown): string | null {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return typeof v === "string" && v.trim() !== "" ? v.trim() : null;
}

export function requireObject(obj: Json, key: string, path: string): Json {
  const v = obj[key];
  if (!isObject(v)) throw malformed(path, "must be an object");
  return v;
}

/** String-valued labels only; anything else is dropped (labels are matched as text). */
export function stringMap(v: unknown): Record<string, string> {
  if (!isObject(v)) return {};
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) {
    const s = optionalString(val);
    if (s !== null) out[k] = s;
  }
  return out;
}

/** Tags such as "service:checkout" or "env:prod" become labels; bare tags become `tag:<name>` = "true". */
export function labelsFromTags(tags: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of tags) {
    const tag = raw.trim();
    if (!tag) continue;
    const at = tag.indexOf(":");
    if (at > 0) out[tag.slice(0, at).trim()] = tag.slice(at + 1).trim();
    else out[`tag:${tag}`] = "true";
  }
  return out;
}

/** Epoch seconds, milliseconds or nanoseconds (Opsgenie's updatedAt) → milliseconds. */
function epochMs(v: number): number {
  if (v < 1e11) return v * 1000;
  if (v < 1e14) return v;
  if (v < 1e17) return v / 1e3;
  return v / 1e6;
}

/** An ISO time or an epoch number → ISO; Go's zero time and junk → null. */
export function toIso(v: unknown): string | null {
  if (typeof v === "number" && Number.isFinite(v) && v > 0) {
    const d = new Date(epochMs(v));
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  if (typeof v === "string" && v.trim() !== "") {
    if (/^\d+$/.test(v.trim())) return toIso(Number(v.trim()));
    const t = Date.parse(v);
    // Alertmanager sends endsAt "0001-01-01T00:00:00Z" for alerts still firing.
    if (Number.isNaN(t) || t <= 0) return null;
    return new Date(t).toISOString();
  }
  return null;
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
