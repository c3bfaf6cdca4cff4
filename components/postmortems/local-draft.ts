"use client";

// What a writer typed is kept in this browser until the server has it: a reload, a crash or a
// conflict never loses it.

export interface LocalDraft {
  body: string;
  baseVersion: number;
  savedAt: string;
}

const keyOf = (postmortemId: string, sectionKey: string) => `warroom:pm-draft:${postmortemId}:${sectionKey}`;

export function readLocalDraft(postmortemId: string, sectionKey: string): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(keyOf(postmortemId, sectionKey));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<LocalDraft>;
    return typeof parsed.body === "string" && typeof parsed.baseVersion === "number"
      ? { body: parsed.body, baseVersion: parsed.baseVersion, savedAt: String(parsed.savedAt ?? "") }
      : null;
  } catch {
    return null;
  }
}

export function writeLocalDraft(postmortemId: string, sectionKey: string, body: string, baseVersion: number): void {
  try {
    window.localStorage.setItem(keyOf(postmortemId, sectionKey), JSON.stringify({ body, baseVersion, savedAt: new Date().toISOString() }));
  } catch {
    // Storage full or disabled: the text is still in the editor.
  }
}

export function clearLocalDraft(postmortemId: string, sectionKey: string): void {
  try {
    window.localStorage.removeItem(keyOf(postmortemId, sectionKey));
  } catch {
    // Nothing to clear.
  }
}
