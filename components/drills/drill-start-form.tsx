"use client";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { checkScenarioCatalog, type CatalogNames } from "@/lib/drills/check-catalog.ts";
import type { ScenarioSummaryDto } from "@/lib/drills/scenario-summary.ts";
import { durationAtSpeed, parseScenario } from "@/lib/drills/parse-scenario.ts";
import { DRILL_SPEEDS, type DrillSpeed, type ScenarioProblem } from "@/lib/drills/scenario-types.ts";
import { apiRequest } from "../api/api-client.ts";
import { Button } from "../ui/button.tsx";
import { cn } from "../ui/cn.ts";
import { ScenarioProblems } from "./scenario-problems.tsx";

const CUSTOM = "custom";
const SPEED_LABELS: Record<DrillSpeed, string> = { 1: "×1 real time", 2: "×2", 5: "×5" };

/** Pick a shipped scenario or write one, choose a speed, start: lands in the drill's room. */
export function DrillStartForm({ scenarios, catalog }: { scenarios: ScenarioSummaryDto[]; catalog: CatalogNames }) {
  const router = useRouter();
  const [choice, setChoice] = useState(scenarios[0]?.key ?? CUSTOM);
  const [speed, setSpeed] = useState<DrillSpeed>(5);
  const [yaml, setYaml] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editor = useRef<HTMLTextAreaElement>(null);
  const chosen = scenarios.find((s) => s.key === choice) ?? null;

  // Checked as it is typed, against this organisation's catalog; the server checks again.
  const custom = useMemo(() => {
    if (choice !== CUSTOM || !yaml.trim()) return null;
    const parsed = parseScenario(yaml);
    if (!parsed.ok) return { problems: parsed.problems, scenario: null };
    return { problems: checkScenarioCatalog(parsed.scenario, catalog), scenario: parsed.scenario };
  }, [choice, yaml, catalog]);
  const problems: ScenarioProblem[] = custom?.problems ?? [];

  const goToLine = (line: number) => {
    const area = editor.current;
    if (!area) return;
    const lines = area.value.split("\n");
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    area.focus();
    area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  };

  const start = async () => {
    setBusy(true);
    setError(null);
    const body = choice === CUSTOM ? { yaml, speed } : { scenarioKey: choice, speed };
    const res = await apiRequest<{ incident: { id: string } }>("/api/drills", { method: "POST", body });
    if (res.ok) {
      router.push(`/incidents/${res.data.incident.id}`);
      return;
    }
    setBusy(false);
    setError(res.error.message);
  };

  const canStart = choice === CUSTOM ? Boolean(custom?.scenario) && problems.length === 0 : chosen !== null;
  const durationSeconds = choice === CUSTOM ? custom?.scenario?.durationSeconds : chosen?.durationSeconds;

  return (
    <form
      className="space-y-4 rounded-lg border border-line bg-surface p-4"
      aria-label="Start a drill"
      onSubmit={(e) => {
        e.preventDefault();
        if (canStart && !busy) void start();
      }}
    >
      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-medium">Scenario</legend>
        {scenarios.map((s) => (
          <label
            key={s.key}
            className={cn("block cursor-pointer rounded-md border p-3", choice === s.key ? "border-accent bg-raised" : "border-line")}
          >
            <span className="flex items-start gap-2">
              <input
                type="radio"
                name="scenario"
                value={s.key}
                checked={choice === s.key}
                onChange={() => setChoice(s.key)}
                className="mt-1 size-4 accent-[var(--color-accent)]"
              />
              <span className="min-w-0">
                <span className="block font-medium text-ink">{s.name}</span>
                <span className="block text-xs text-ink-muted tabular">
                  {s.stepCount} steps · {DRILL_SPEEDS.map((sp) => `${s.durations[String(sp)]} at ×${sp}`).join(" · ")}
                </span>
                {choice === s.key ? <span className="mt-2 block text-sm text-ink">{s.summary}</span> : null}
              </span>
            </span>
          </label>
        ))}
        <label className={cn("block cursor-pointer rounded-md border p-3", choice === CUSTOM ? "border-accent bg-raised" : "border-line")}>
          <span className="flex items-start gap-2">
            <input
              type="radio"
              name="scenario"
              value={CUSTOM}
              checked={choice === CUSTOM}
              onChange={() => setChoice(CUSTOM)}
              className="mt-1 size-4 accent-[var(--color-accent)]"
            />
            <span>
              <span className="block font-medium text-ink">Write your own (YAML)</span>
              <span className="block text-xs text-ink-muted">Paste or upload a scenario; the format is in the README (“Drills”).</span>
            </span>
          </span>
        </label>
      </fieldset>

      {choice === CUSTOM ? (
        <div className="space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor="drill-yaml" className="text-sm font-medium">
              Scenario YAML
            </label>
            <label className="ml-auto cursor-pointer text-sm text-accent underline-offset-2 hover:underline">
              Upload a file…
              <input
                type="file"
                accept=".yaml,.yml,text/yaml,text/plain"
                className="sr-only"
                onChange={(e) => void e.target.files?.[0]?.text().then(setYaml)}
              />
            </label>
            {scenarios[0] ? (
              <button
                type="button"
                className="text-sm text-accent underline-offset-2 hover:underline"
                onClick={() => setYaml(scenarios[0]?.yaml ?? "")}
              >
                Start from an example
              </button>
            ) : null}
          </div>
          <textarea
            id="drill-yaml"
            ref={editor}
            value={yaml}
            onChange={(e) => setYaml(e.target.value)}
            rows={14}
            spellCheck={false}
            className="w-full rounded-md border border-line bg-canvas px-3 py-2 font-mono text-xs text-ink focus:border-accent focus:outline-none aria-[invalid=true]:border-sev1"
            aria-invalid={problems.length > 0}
            aria-describedby={problems.length ? "drill-yaml-problems" : undefined}
          />
          <ScenarioProblems id="drill-yaml-problems" problems={problems} onGoToLine={goToLine} />
        </div>
      ) : null}

      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="mb-2 w-full text-sm font-medium">Speed</legend>
        {DRILL_SPEEDS.map((sp) => (
          <label
            key={sp}
            className={cn(
              "cursor-pointer rounded-md border px-3 py-1.5 text-sm",
              speed === sp ? "border-accent bg-raised text-ink" : "border-line text-ink-muted",
            )}
          >
            <input
              type="radio"
              name="speed"
              value={sp}
              checked={speed === sp}
              onChange={() => setSpeed(sp)}
              className="mr-2 accent-[var(--color-accent)]"
            />
            {SPEED_LABELS[sp]}
            {durationSeconds !== undefined ? (
              <span className="ml-1 text-xs text-ink-faint tabular">({durationAtSpeed({ durationSeconds }, sp)})</span>
            ) : null}
          </label>
        ))}
      </fieldset>

      {error ? (
        <p role="alert" className="text-sm font-medium text-sev1">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={!canStart || busy}>
          {busy ? "Starting…" : "Start drill"}
        </Button>
        <p className="text-xs text-ink-muted">
          Opens a practice incident marked DRILL. Only channels set to accept drills hear of it; nobody is paged; the status page never
          shows it.
        </p>
      </div>
    </form>
  );
}
