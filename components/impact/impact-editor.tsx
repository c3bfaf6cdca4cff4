"use client";
import { useState, type FormEvent } from "react";
import { JOURNEY_LABELS, JOURNEYS, type JourneyName } from "@/lib/vocabulary/catalog.ts";
import type { ImpactJourneyDto, ImpactSummaryDto } from "@/lib/impact/impact-dto.ts";
import { apiRequest } from "../api/api-client.ts";
import { Button } from "../ui/button.tsx";
import { Field, Input, Select } from "../ui/field.tsx";
import { fromZonedInput, toZonedInput, zoneName } from "@/lib/time/format.ts";
import { useTimeZone } from "../time/time-zone.tsx";
import { applyImpact } from "./use-incident-impact.ts";

const EVIDENCE = [
  { key: "failedCheckouts", label: "Failed checkouts", step: "1" },
  { key: "errorRate", label: "Error rate %", step: "0.1" },
  { key: "supportTickets", label: "Support tickets", step: "1" },
  { key: "surveyResponses", label: "Survey responses", step: "1" },
] as const;
type EvidenceKey = (typeof EVIDENCE)[number]["key"];

/** Sets one journey's degradation (0–100%), since when, and what was measured. */
export function ImpactEditor({ incidentId, current, onDone }: { incidentId: string; current: ImpactJourneyDto[]; onDone: () => void }) {
  const initial = current.find((j) => j.degradation > 0)?.journey ?? "checkout";
  const [journey, setJourney] = useState<JourneyName>(initial);
  const degradationOf = (j: JourneyName) => current.find((c) => c.journey === j)?.degradation ?? 0;
  const [degradation, setDegradation] = useState(String(degradationOf(initial)));
  const [since, setSince] = useState("");
  // "Since" is a wall-clock time in the zone the room shows times in (one policy), named below.
  const { timeZone } = useTimeZone();
  const [evidence, setEvidence] = useState<Record<EvidenceKey, string>>({
    failedCheckouts: "",
    errorRate: "",
    supportTickets: "",
    surveyResponses: "",
  });
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (name: string) => `impact-${name}`;
  const errorFor = (field: string) =>
    errors[`journeys.${journey}.${field}`] ?? (field === "journey" ? errors[`journeys.${journey}`] : undefined);

  function pick(next: JourneyName) {
    setJourney(next);
    setDegradation(String(degradationOf(next)));
    setErrors({});
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    const entry: Record<string, unknown> = { degradation: degradation === "" ? null : Number(degradation) };
    const sinceIso = since ? (fromZonedInput(since, timeZone)?.toISOString() ?? null) : null;
    if (sinceIso) entry.since = sinceIso;
    for (const { key } of EVIDENCE) if (evidence[key] !== "") entry[key] = Number(evidence[key]);
    const res = await apiRequest<ImpactSummaryDto>(`/api/incidents/${incidentId}/impact`, {
      method: "PUT",
      body: { journeys: { [journey]: entry }, ...(note.trim() ? { note: note.trim() } : {}) },
    });
    setBusy(false);
    if (res.ok) {
      applyImpact(res.data);
      onDone();
      return;
    }
    setErrors(res.error.fields);
    setMessage(res.error.status === 0 ? "Offline: not saved. Try again when the connection is back." : res.error.message);
  }

  return (
    <form
      onSubmit={(e) => void submit(e)}
      className="space-y-3 rounded-md border border-line bg-canvas/40 p-3"
      aria-label="Set impact"
      noValidate
    >
      <Field label="Journey" htmlFor={id("journey")} error={errorFor("journey")}>
        <Select id={id("journey")} value={journey} onChange={(e) => pick(e.target.value as JourneyName)} className="h-9">
          {JOURNEYS.map((j) => (
            <option key={j} value={j}>
              {JOURNEY_LABELS[j]}
              {degradationOf(j) ? ` (now ${degradationOf(j)}%)` : ""}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Degradation %" htmlFor={id("degradation")} error={errorFor("degradation")} hint="0 = working, 100 = fully broken">
        <div className="flex items-center gap-3">
          <input
            type="range"
            min={0}
            max={100}
            step={5}
            aria-label="Degradation slider"
            value={Number(degradation) || 0}
            onChange={(e) => setDegradation(e.target.value)}
            className="flex-1 accent-[var(--color-sev1)]"
          />
          <Input
            id={id("degradation")}
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            value={degradation}
            onChange={(e) => setDegradation(e.target.value)}
            aria-invalid={Boolean(errorFor("degradation"))}
            className="h-9 w-20 text-right tabular"
          />
        </div>
      </Field>
      <Field
        label="Since (optional)"
        htmlFor={id("since")}
        error={errorFor("since")}
        hint={`Leave empty for now; ${zoneName(new Date(), timeZone)}`}
      >
        <Input
          id={id("since")}
          type="datetime-local"
          value={since}
          max={toZonedInput(new Date(), timeZone).slice(0, 16)}
          onChange={(e) => setSince(e.target.value)}
          aria-invalid={Boolean(errorFor("since"))}
          className="h-9 [color-scheme:dark]"
        />
      </Field>
      <details className="group" open={EVIDENCE.some(({ key }) => Boolean(errorFor(key)))}>
        <summary className="cursor-pointer text-sm text-ink-muted hover:text-ink">Evidence (optional)</summary>
        <div className="mt-2 grid grid-cols-2 gap-2">
          {EVIDENCE.map(({ key, label, step }) => (
            <Field key={key} label={label} htmlFor={id(key)} error={errorFor(key)}>
              <Input
                id={id(key)}
                type="number"
                min={0}
                step={step}
                value={evidence[key]}
                onChange={(e) => setEvidence((cur) => ({ ...cur, [key]: e.target.value }))}
                aria-invalid={Boolean(errorFor(key))}
                className="h-9 text-right tabular"
              />
            </Field>
          ))}
        </div>
      </details>
      <Field label="Note (optional)" htmlFor={id("note")} error={errors.note}>
        <Input
          id={id("note")}
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
          placeholder="How you know: funnel, PSP dashboard…"
          className="h-9"
        />
      </Field>
      {message ? (
        <p role="alert" className="text-xs font-medium text-sev1">
          {message}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" className="h-8" disabled={busy}>
          {busy ? "Saving…" : "Save impact"}
        </Button>
        <Button size="sm" variant="ghost" className="h-8" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
