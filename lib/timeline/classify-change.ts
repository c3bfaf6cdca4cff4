// Pure: names a change to an entry's content, so the amendment says what happened in a sentence
// ("marked action #7 worked") and browsers can show it without diffing.
import type { EventKindName } from "../vocabulary/timeline.ts";

export type ContentChange = "correct" | "outcome" | "state" | "acknowledge";

interface Content {
  body: string;
  data: Record<string, unknown> | null;
}

const STATE_LABELS: Record<string, string> = { open: "open", confirmed: "confirmed", ruled_out: "ruled out" };

function changedKeys(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const a = before ?? {};
  const b = after ?? {};
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null)).sort();
}

/** What kind of change turns `before` into `after`, with the sentence that follows the actor's name; null when nothing changed. */
export function classifyContentChange(
  kind: EventKindName,
  seq: number,
  before: Content,
  after: Content,
): { change: ContentChange; sentence: string } | null {
  const keys = changedKeys(before.data, after.data);
  const bodyChanged = before.body !== after.body;
  if (!bodyChanged && keys.length === 0) return null;
  const only = !bodyChanged && keys.length === 1 ? keys[0] : undefined;
  const data = after.data ?? {};
  if (kind === "action" && only === "outcome") {
    return { change: "outcome", sentence: `marked action #${seq} ${String(data.outcome)}` };
  }
  if (kind === "hypothesis" && only === "state") {
    const state = String(data.state);
    return {
      change: "state",
      sentence: state === "open" ? `reopened hypothesis #${seq}` : `marked hypothesis #${seq} ${STATE_LABELS[state] ?? state}`,
    };
  }
  if (kind === "notification" && only === "acknowledgedAt") {
    return data.acknowledgedAt
      ? { change: "acknowledge", sentence: `recorded that ${String(data.target)} acknowledged #${seq}` }
      : { change: "acknowledge", sentence: `marked #${seq} as not acknowledged` };
  }
  return { change: "correct", sentence: `corrected #${seq}` };
}
