"use client";
import type { BlameMatch } from "@/lib/postmortems/blame-check.ts";
import type { PostmortemSectionDto } from "@/lib/postmortems/postmortem-dto.ts";

export type SaveOutcome =
  | { kind: "saved"; section: PostmortemSectionDto; warnings: BlameMatch[] }
  | { kind: "conflict"; current: PostmortemSectionDto; message: string }
  | { kind: "failed"; message: string };

/** PUT one section against the version the edit started from; a 409 carries the current text. */
export async function saveSectionRequest(postmortemId: string, key: string, body: string, baseVersion: number): Promise<SaveOutcome> {
  let res: Response;
  try {
    res = await fetch(`/api/postmortems/${postmortemId}/sections/${encodeURIComponent(key)}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ body, baseVersion }),
      credentials: "same-origin",
    });
  } catch {
    return { kind: "failed", message: "Cannot reach the server; your text is kept in this browser. Try again when you are back online." };
  }
  const payload = (await res.json().catch(() => null)) as
    | { section: PostmortemSectionDto; warnings: BlameMatch[] }
    | { error?: { message?: string; details?: { current?: PostmortemSectionDto } } }
    | null;
  if (res.ok && payload && "section" in payload) return { kind: "saved", section: payload.section, warnings: payload.warnings };
  const error = payload && "error" in payload ? payload.error : undefined;
  if (res.status === 409 && error?.details?.current)
    return { kind: "conflict", current: error.details.current, message: error.message ?? "Someone changed this section" };
  return { kind: "failed", message: error?.message ?? `Saving failed (${res.status}); your text is kept in this browser.` };
}
