"use client";
import { useState } from "react";
import { apiRequest } from "../api/api-client.ts";

/** The organisation's "status page shows impacted journeys by itself" switch (admins; off by default). */
export function AutoStatusSetting({ initial, statusHref }: { initial: boolean; statusHref: string }) {
  const [isOn, setIsOn] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  async function change(next: boolean) {
    setIsOn(next);
    const res = await apiRequest<{ statusAutoImpact: boolean }>("/api/settings/status", {
      method: "PATCH",
      body: { statusAutoImpact: next },
    });
    if (res.ok) {
      setIsOn(res.data.statusAutoImpact);
      setError(null);
    } else {
      setIsOn(!next);
      setError(res.error.message);
    }
  }

  return (
    <section aria-labelledby="status-setting-heading" className="space-y-2 rounded-lg border border-line bg-surface p-4 text-sm">
      <h2 id="status-setting-heading" className="font-semibold">
        Public status page{" "}
        <a href={statusHref} className="text-xs font-normal text-accent underline underline-offset-2">
          open
        </a>
      </h2>
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          className="mt-1"
          checked={isOn}
          onChange={(e) => void change(e.target.checked)}
          data-testid="status-auto-impact"
        />
        <span>
          Show degraded customer journeys on the status page automatically
          <span className="block text-xs text-ink-muted">
            While an incident is open, the journeys its impact marks degraded show with a generic line (&ldquo;We are investigating problems
            with Checkout.&rdquo;) until someone publishes an update. Drills never show.
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
