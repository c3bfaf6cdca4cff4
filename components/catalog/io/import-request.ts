"use client";
import type { ImportErrorDetails, ImportFormat, ImportIssue, ImportMode, ImportResultDto } from "@/lib/catalog/io/import-types.ts";
import type { ErrorBody } from "@/lib/errors/app-error.ts";

export type ImportFailure = { status: number; message: string; entities: ImportIssue[]; warnings: ImportIssue[] };

// The import endpoint takes the file itself as the body (not JSON-wrapped, so the server's line
// numbers are the file's), which apiRequest does not do. Never throws, like apiRequest.
export async function postImport(
  text: string,
  format: ImportFormat | "auto",
  dryRun: boolean,
  mode: ImportMode = "merge",
): Promise<{ ok: true; data: ImportResultDto } | { ok: false; error: ImportFailure }> {
  const query = new URLSearchParams({ format, dryRun: dryRun ? "1" : "0", mode });
  const isJson = /^\s*[[{]/.test(text);
  let res: Response;
  try {
    res = await fetch(`/api/catalog/import?${query}`, {
      method: "POST",
      headers: { "content-type": isJson ? "application/json" : "application/yaml" },
      body: text,
      credentials: "same-origin",
    });
  } catch {
    return { ok: false, error: { status: 0, message: "Cannot reach the server; nothing was imported", entities: [], warnings: [] } };
  }
  const payload = (await res.json().catch(() => null)) as unknown;
  if (res.ok) return { ok: true, data: payload as ImportResultDto };
  const error = (payload as Partial<ErrorBody> | null)?.error;
  const details = error?.details as (Partial<ImportErrorDetails> & { warnings?: ImportIssue[] }) | undefined;
  return {
    ok: false,
    error: {
      status: res.status,
      message: error?.message ?? `Import failed (${res.status})`,
      entities: details?.entities ?? [],
      warnings: details?.warnings ?? [],
    },
  };
}
