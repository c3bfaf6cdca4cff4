// Pure and client-safe: what a person typed in the composer, turned into an entry to post.
//   /note …  /action …  /decision …  /hypothesis …
//   /notify Payments on-call: asked them to pause retries     (a catalog team; optionally "… via phone: …")
//   /link https://status.psp.example/incidents/123 PSP status page
import { NOTIFY_CHANNELS, type NotifyChannel, type PostableKind } from "../vocabulary/timeline.ts";
import { ZLinkData, ZNotificationData } from "./event-data.ts";
import { matchTeam, unknownTeamMessage, type NamedTeam } from "./match-team.ts";

export interface ComposerParse {
  kind: PostableKind;
  body: string;
  /** Whether the kind came from a typed prefix rather than the selector. */
  prefixed: boolean;
  target?: string;
  channel?: NotifyChannel;
  url?: string;
}

const PREFIX = /^\/(note|action|decision|hypothesis|notify|notification|link)\b[ \t]*/i;
const CHANNEL_WORDS: Record<string, NotifyChannel> = {
  chat: "chat",
  slack: "chat",
  teams: "chat",
  phone: "phone",
  email: "email",
  mail: "email",
  pager: "pager",
  pagerduty: "pager",
  "in person": "in_person",
  in_person: "in_person",
  other: "other",
};

/** Reads the kind (from a prefix, else the selector) and the kind's fields from the text. */
export function parseComposerInput(text: string, fallback: PostableKind): ComposerParse {
  const match = PREFIX.exec(text);
  if (!match?.[1]) return { kind: fallback, body: text.trim(), prefixed: false };
  const word = match[1].toLowerCase();
  const rest = text.slice(match[0].length);
  if (word === "notify" || word === "notification") return { ...parseNotify(rest), kind: "notification", prefixed: true };
  if (word === "link") return { ...parseLink(rest), kind: "link", prefixed: true };
  return { kind: word as PostableKind, body: rest.trim(), prefixed: true };
}

/** "Payments on-call via phone: text" → target, channel, body. Without a colon it is all target. */
function parseNotify(rest: string): Omit<ComposerParse, "kind" | "prefixed"> {
  const colon = rest.indexOf(":");
  const head = (colon >= 0 ? rest.slice(0, colon) : rest).trim();
  const body = colon >= 0 ? rest.slice(colon + 1).trim() : "";
  const via = /^(.*?)\s+(?:via|by)\s+([a-z_ ]+)$/i.exec(head);
  const channel = via?.[2] ? CHANNEL_WORDS[via[2].trim().toLowerCase()] : undefined;
  const target = (channel && via?.[1] ? via[1] : head).trim();
  return { body, ...(target ? { target } : {}), ...(channel ? { channel } : {}) };
}

/** "https://… some words" → url and body (the words, or the url itself). */
function parseLink(rest: string): Omit<ComposerParse, "kind" | "prefixed"> {
  const trimmed = rest.trim();
  const [first = "", ...words] = trimmed.split(/\s+/);
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(first)) return { body: trimmed };
  return { url: first, body: words.join(" ").trim() };
}

export interface ComposerFields {
  target?: string;
  channel?: NotifyChannel;
  url?: string;
}

export type ComposerEntry =
  | { ok: true; kind: PostableKind; body: string; data: Record<string, unknown> | null }
  | { ok: false; error: string; field: "body" | "target" | "url" };

const CHANNEL_LABELS: Record<NotifyChannel, string> = {
  chat: "chat",
  phone: "phone",
  email: "email",
  pager: "pager",
  in_person: "in person",
  other: "other means",
};

export function channelLabel(channel: NotifyChannel): string {
  return CHANNEL_LABELS[channel];
}

/** The sentence a notification without words of its own reads as, wherever it was recorded. */
export function toldSentence(teamName: string, channel: NotifyChannel): string {
  return `Told ${teamName} by ${channelLabel(channel)}`;
}

export function isNotifyChannel(value: unknown): value is NotifyChannel {
  return typeof value === "string" && (NOTIFY_CHANNELS as readonly string[]).includes(value);
}

/**
 * The entry to post: what was typed wins over the inline fields. A notification or link
 * without words of its own gets a plain sentence, so the timeline still reads as a log.
 */
export function buildComposerEntry(parsed: ComposerParse, fields: ComposerFields = {}, teams?: readonly NamedTeam[]): ComposerEntry {
  if (parsed.kind === "notification") {
    const typed = (parsed.target ?? fields.target ?? "").trim();
    const channel = parsed.channel ?? fields.channel ?? "chat";
    // With the catalog's teams at hand the team is resolved here, so the entry posted is the same
    // record the panel's "Mark told…" writes; the server resolves again either way.
    const team = teams && typed ? matchTeam(typed, teams) : null;
    if (teams && typed && !team) return { ok: false, field: "target", error: unknownTeamMessage(typed, teams) };
    const data = ZNotificationData.safeParse({ target: team?.name ?? typed, channel, ...(team ? { teamId: team.id } : {}) });
    if (!data.success)
      return { ok: false, field: "target", error: "Say which team was told: /notify Payments via phone: message, or fill in “To”." };
    const body = parsed.body || toldSentence(data.data.target, channel);
    return { ok: true, kind: "notification", body, data: data.data };
  }
  if (parsed.kind === "link") {
    const url = (parsed.url ?? fields.url ?? "").trim();
    const data = ZLinkData.safeParse({ url });
    if (!data.success) return { ok: false, field: "url", error: "Give an http(s) address: /link https://… description, or fill in “URL”." };
    return { ok: true, kind: "link", body: parsed.body || data.data.url, data: data.data };
  }
  if (!parsed.body) return { ok: false, field: "body", error: "Write something first." };
  // Actions start pending and hypotheses open: the server fills those in.
  return { ok: true, kind: parsed.kind, body: parsed.body, data: null };
}
