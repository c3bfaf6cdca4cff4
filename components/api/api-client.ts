"use client";
import type { ErrorBody } from "@/lib/errors/app-error.ts";

export interface ApiFailure {
  /** 0 when the request never reached the server (offline, DNS, reset). */
  status: number;
  code: string;
  message: string;
  fields: Record<string, string>;
}

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; error: ApiFailure };

function fieldsOf(details: unknown): Record<string, string> {
  const list = (details as { fields?: { field: string; message: string }[] } | undefined)?.fields ?? [];
  return Object.fromEntries(list.map((f) => [f.field, f.message]));
}

/** Calls our JSON API; never throws, so callers handle offline and validation the same way. */
export async function apiRequest<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? "GET",
      headers: init.body === undefined ? undefined : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: "same-origin",
    });
  } catch {
    return { ok: false, error: { status: 0, code: "offline", message: "Cannot reach the server", fields: {} } };
  }
  const payload = (await res.json().catch(() => null)) as unknown;
  if (res.ok) return { ok: true, status: res.status, data: payload as T };
  const body = payload as Partial<ErrorBody> | null;
  return {
    ok: false,
    error: {
      status: res.status,
      code: body?.error?.code ?? "internal",
      message: body?.error?.message ?? `Request failed (${res.status})`,
      fields: fieldsOf(body?.error?.details),
    },
  };
}
