"use client";
import { useState } from "react";
import { apiRequest } from "../api/api-client.ts";

/** The organisation's "SEV1 pages the owning teams" switch (admins; off by default). */
export function AutoPageSetting({ initial }: { initial: boolean }) {
  const [isOn, setIsOn] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  async function change(next: boolean) {
    setIsOn(next);
    const res = await apiRequest<{ sev1AutoPage: boolean }>("/api/settings/paging", { method: "PATCH", body: { sev1AutoPage: next } });
    if (res.ok) {
      setIsOn(res.data.sev1AutoPage);
      setError(null);
    } else {
      setIsOn(!next);
      setError(res.error.message);
    }
  }

  return (
    <section aria-labelledby="paging-setting-heading" className="space-y-2 rounded-lg border border-line bg-surface p-4 text-sm">
      <h2 id="paging-setting-heading" className="font-semibold">
        Paging
      </h2>
      <label className="flex items-start gap-2">
        <input type="checkbox" className="mt-1" checked={isOn} onChange={(e) => void change(e.target.checked)} />
        <span>
          A SEV1 pages the owning team of each impacted service by itself
          <span className="block text-xs text-ink-muted">
            Only teams with a paging route (catalog → team → Paging); each team once per incident. Pages appear in the delivery log below.
          </span>
        </span>
      </label>
      {error ? (
        <p role="alert" className="text-sev1">
          {error}
        </p>
      ) : null}
    </section>
  );
}
