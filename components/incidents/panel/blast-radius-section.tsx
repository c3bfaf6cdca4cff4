"use client";
import { useEffect, useState } from "react";
import type { BlastRadiusDto } from "@/lib/incidents/get-blast-radius.ts";
import { apiRequest } from "../../api/api-client.ts";
import { useRoom } from "../room-context.ts";
import { PanelSection } from "./panel-section.tsx";

const JOURNEY_LABELS: Record<string, string> = {
  browse: "Browse",
  search: "Search",
  product_page: "Product page",
  cart: "Cart",
  checkout: "Checkout",
  payment: "Payment",
  fulfillment: "Fulfillment",
  returns: "Returns",
  post_purchase: "Post-purchase",
};

/** Who depends on what is broken, and so which teams must be told, with the path that says why. */
export function BlastRadiusSection() {
  const { incident } = useRoom();
  const serviceKey = incident.services.map((s) => s.id).sort().join(",");
  const [radius, setRadius] = useState<BlastRadiusDto | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!serviceKey) return;
    let cancelled = false;
    void apiRequest<BlastRadiusDto>(`/api/incidents/${incident.id}/blast-radius`).then((res) => {
      if (cancelled) return;
      setFailed(!res.ok);
      if (res.ok) setRadius(res.data);
    });
    return () => {
      cancelled = true;
    };
  }, [incident.id, serviceKey]);

  if (!serviceKey) return null;
  return (
    <PanelSection title={`Teams to tell (${radius?.teams.length ?? "…"})`}>
      {failed ? <p className="text-sev1">Could not load the blast radius; it will refresh with the next change.</p> : null}
      {radius ? (
        <div className="space-y-3">
          <ul className="space-y-2" data-testid="teams-to-notify">
            {radius.teams.map((t) => (
              <li key={t.team.id} className="space-y-0.5">
                <p className="flex items-center justify-between gap-2">
                  <span className="font-medium">{t.team.name}</span>
                  {t.team.chatChannel ? <span className="font-mono text-xs text-ink-muted">{t.team.chatChannel}</span> : null}
                </p>
                {t.owns.length ? <p className="text-xs text-ink-muted">owns {t.owns.join(", ")}</p> : null}
                {t.affectedVia.slice(0, 3).map((v) => (
                  <p key={v.service} className="text-xs text-ink-muted">
                    {v.path.join(" → ")}
                  </p>
                ))}
                {t.affectedVia.length > 3 ? <p className="text-xs text-ink-faint">and {t.affectedVia.length - 3} more of its services</p> : null}
              </li>
            ))}
          </ul>
          {radius.journeys.length ? (
            <p className="text-xs">
              <span className="text-ink-muted">Journeys touched: </span>
              {radius.journeys.map((j) => JOURNEY_LABELS[j] ?? j).join(", ")}
            </p>
          ) : null}
          {radius.suspects.length ? (
            <p className="text-xs">
              <span className="text-ink-muted">Look downstream at: </span>
              {radius.suspects.map((s) => s.service.name).join(", ")}
            </p>
          ) : null}
        </div>
      ) : (
        <p className="text-ink-muted">Working out who depends on it…</p>
      )}
    </PanelSection>
  );
}
