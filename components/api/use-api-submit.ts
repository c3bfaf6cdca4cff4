"use client";
import { useState } from "react";
import { apiRequest } from "./api-client.ts";

/**
 * The one way a form sends to the API: busy while in flight; on refusal, field errors go next to
 * their fields and anything else becomes one message. What the person typed is never cleared.
 */
export function useApiSubmit(mapFields: (fields: Record<string, string>) => Record<string, string> = (f) => f) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send<T>(path: string, init: { method?: string; body?: unknown }): Promise<T | null> {
    setBusy(true);
    setErrors({});
    setFailure(null);
    const res = await apiRequest<T>(path, init);
    setBusy(false);
    if (res.ok) return res.data;
    setErrors(mapFields(res.error.fields));
    if (!Object.keys(res.error.fields).length) setFailure(res.error.message);
    return null;
  }

  return { errors, failure, busy, send };
}
