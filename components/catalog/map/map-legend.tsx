"use client";
import { useState, useSyncExternalStore } from "react";
import { HEALTH_STATES } from "@/lib/vocabulary/catalog.ts";
import type { GraphTeamDto } from "@/lib/catalog/get-catalog-graph.ts";
import { cn } from "../../ui/cn.ts";
import { HEALTH_INFO } from "./map-style.ts";

interface Props {
  teams: GraphTeamDto[];
  colors: Map<string, string>;
  counts: Map<string, number>;
  isIncidentView: boolean;
  activeTeamId: string | null;
  onTeamClick: (teamId: string | null) => void;
}

/** What the colours, marks and lines mean; a team row also filters the map to that team. */
const WIDE = "(min-width: 1600px)";

function subscribeWide(listener: () => void): () => void {
  const query = window.matchMedia(WIDE);
  query.addEventListener("change", listener);
  return () => query.removeEventListener("change", listener);
}

export function MapLegend({ teams, colors, counts, isIncidentView, activeTeamId, onTeamClick }: Props) {
  // Closed until someone opens it, except on a screen wide enough that it covers no nodes.
  const isWide = useSyncExternalStore(
    subscribeWide,
    () => window.matchMedia(WIDE).matches,
    () => false,
  );
  const [choice, setIsOpen] = useState<boolean | null>(null);
  const isOpen = choice ?? isWide;
  return (
    <div className="w-56 rounded-md border border-line bg-surface/95 text-xs shadow-lg backdrop-blur" data-testid="map-legend">
      <button
        type="button"
        onClick={() => setIsOpen(!isOpen)}
        aria-expanded={isOpen}
        className="flex w-full items-center justify-between px-3 py-2 font-semibold text-ink"
      >
        Legend{" "}
        <span aria-hidden className="text-ink-muted">
          {isOpen ? "▾" : "▸"}
        </span>
      </button>
      {isOpen ? (
        <div className="max-h-[calc(100dvh-440px)] space-y-3 overflow-y-auto border-t border-line px-3 py-2">
          <div>
            <p className="mb-1 text-[10px] font-semibold uppercase tracking-wide text-ink-muted">Owning team</p>
            <ul className="space-y-0.5">
              {teams.map((t) => (
                <li key={t.id}>
                  <button
                    type="button"
                    onClick={() => onTeamClick(activeTeamId === t.id ? null : t.id)}
                    aria-pressed={activeTeamId === t.id}
                    className={cn(
                      "flex w-full items-center gap-2 rounded px-1 py-0.5 text-left hover:bg-raised",
                      activeTeamId === t.id && "bg-raised",
                    )}
                  >
                    <span aria-hidden className="h-3 w-1.5 shrink-0 rounded-sm" style={{ backgroundColor: colors.get(t.id) }} />
                    <span className="min-w-0 flex-1 truncate text-ink">{t.name}</span>
                    <span className="text-ink-faint tabular">{counts.get(t.id) ?? 0}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
          <div>
            <p className="mb-1 text-[10px] font-semibold uppercase tracking-wide text-ink-muted">Health</p>
            <ul className="grid grid-cols-2 gap-x-2 gap-y-0.5">
              {HEALTH_STATES.map((h) => (
                <li key={h} className={cn("flex items-center gap-1.5", HEALTH_INFO[h].text)}>
                  <span aria-hidden>{HEALTH_INFO[h].mark}</span>
                  {HEALTH_INFO[h].label}
                </li>
              ))}
            </ul>
          </div>
          <div>
            <p className="mb-1 text-[10px] font-semibold uppercase tracking-wide text-ink-muted">Dependencies</p>
            <ul className="space-y-1 text-ink-muted">
              <li className="flex items-center gap-2">
                <svg aria-hidden width="28" height="6">
                  <line x1="0" y1="3" x2="28" y2="3" stroke="#9aa8b6" strokeWidth="1.5" />
                </svg>
                calls (sync)
              </li>
              <li className="flex items-center gap-2">
                <svg aria-hidden width="28" height="6">
                  <line x1="0" y1="3" x2="28" y2="3" stroke="#9aa8b6" strokeWidth="1.5" strokeDasharray="5 4" />
                </svg>
                async (queue, feed)
              </li>
              <li>Arrows point at what is called. T1–T3: tier.</li>
            </ul>
          </div>
          {isIncidentView ? (
            <div>
              <p className="mb-1 text-[10px] font-semibold uppercase tracking-wide text-ink-muted">This incident</p>
              <ul className="space-y-1">
                <li className="flex items-center gap-2">
                  <span
                    aria-hidden
                    className="inline-block h-3 w-5 rounded-sm bg-[repeating-linear-gradient(135deg,rgba(230,237,243,0.35)_0_3px,transparent_3px_6px)] outline-3 outline-offset-1 outline-ink outline-double"
                  />{" "}
                  Impacted: marked in the room
                </li>
                <li className="flex items-center gap-2">
                  <span
                    aria-hidden
                    className="inline-block h-3 w-5 rounded-sm outline-2 outline-offset-1 outline-ink-muted outline-dashed"
                  />{" "}
                  Affected: depends on it
                </li>
                <li>
                  <span className="rounded border border-accent/60 px-1 text-accent">Suspect</span> it calls this
                </li>
                <li className="text-ink-muted">Everything else is dimmed.</li>
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
