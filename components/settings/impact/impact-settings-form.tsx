"use client";
import { useMemo, useState, type FormEvent, type ReactNode } from "react";
import { formatPerMinute } from "@/lib/impact/format.ts";
import { baselineRate, hourlyMultiplier, peakMultiplier } from "@/lib/impact/model.ts";
import { toImpactModel, type ImpactSettingsDto } from "@/lib/impact/settings-dto.ts";
import { apiRequest } from "../../api/api-client.ts";
import { useNow } from "../../time/use-now.ts";
import { SEVERITIES } from "@/lib/vocabulary/incidents.ts";
import { Button } from "../../ui/button.tsx";
import { Field, Input } from "../../ui/field.tsx";
import { BaselinesTable } from "./baselines-table.tsx";
import { HourlyProfileEditor } from "./hourly-profile-editor.tsx";
import { PeakWindowsEditor } from "./peak-windows-editor.tsx";
import { toDraft, toRequest, type SettingsDraft } from "./settings-draft.ts";

const CURRENCIES = ["USD", "EUR", "GBP", "CAD", "AUD", "JPY", "CHF", "SEK", "NOK", "DKK", "PLN", "BRL", "INR"];

function Section({ title, description, children }: { title: string; description: ReactNode; children: ReactNode }) {
  return (
    <section className="grid gap-4 border-b border-line pb-8 lg:grid-cols-[260px_1fr]">
      <div className="space-y-1">
        <h2 className="font-semibold">{title}</h2>
        <p className="text-sm text-ink-muted">{description}</p>
      </div>
      <div className="min-w-0">{children}</div>
    </section>
  );
}

/** What a minute of each journey is worth; ADMIN edits, everyone else reads. */
export function ImpactSettingsForm({ initial, readOnly }: { initial: ImpactSettingsDto; readOnly: boolean }) {
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<SettingsDraft>(() => toDraft(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const zones = useMemo(() => (typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []), []);

  const patch = (p: Partial<SettingsDraft>) => {
    setDraft((d) => ({ ...d, ...p }));
    setMessage(null);
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    const res = await apiRequest<ImpactSettingsDto>("/api/settings/impact", { method: "PUT", body: toRequest(draft) });
    setBusy(false);
    if (res.ok) {
      setSaved(res.data);
      setDraft(toDraft(res.data));
      setErrors({});
      setMessage({ ok: true, text: "Saved. Open incidents use the new figures from their next update (within a minute)." });
      return;
    }
    setErrors(res.error.fields);
    setMessage({ ok: false, text: res.error.status === 0 ? "Offline: not saved." : `Not saved — ${res.error.message}` });
  }

  return (
    <form onSubmit={(e) => void save(e)} noValidate className="space-y-8" aria-label="Impact settings">
      {readOnly ? (
        <p className="rounded-md border border-line bg-surface px-3 py-2 text-sm text-ink-muted" role="note">
          Read only: an admin sets the baselines behind every money figure.
        </p>
      ) : null}
      <Preview settings={saved} />
      <fieldset disabled={readOnly} className="space-y-8">
        <legend className="sr-only">Impact baselines</legend>
        <Section
          title="Money and people"
          description="Currency of every money figure, the organisation's time zone (screens show times in it; the hourly profile is read in it), and what an hour of one responder costs."
        >
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label="Currency (ISO 4217)" htmlFor="currency" error={errors.currency}>
              <Input
                id="currency"
                list="currency-codes"
                value={draft.currency}
                maxLength={3}
                onChange={(e) => patch({ currency: e.target.value.toUpperCase() })}
                aria-invalid={Boolean(errors.currency)}
              />
            </Field>
            <Field
              label="Organisation time zone"
              htmlFor="timeZone"
              error={errors.timeZone}
              hint="Screens show times in it, always with the zone named; a person may pick their own zone in their browser (room → Key times)."
            >
              <Input
                id="timeZone"
                list="time-zones"
                value={draft.timeZone}
                onChange={(e) => patch({ timeZone: e.target.value })}
                aria-invalid={Boolean(errors.timeZone)}
              />
            </Field>
            <Field
              label={`Responder cost per hour (${draft.currency || "—"})`}
              htmlFor="responderHourlyRate"
              error={errors.responderHourlyRate}
            >
              <Input
                id="responderHourlyRate"
                type="number"
                min={0}
                step="1"
                value={draft.responderHourlyRate}
                onChange={(e) => patch({ responderHourlyRate: e.target.value })}
                aria-invalid={Boolean(errors.responderHourlyRate)}
                className="text-right tabular"
              />
            </Field>
          </div>
          <datalist id="currency-codes">
            {CURRENCIES.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <datalist id="time-zones">
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </Section>
        <Section
          title="Baselines per journey"
          description="An average minute of each customer journey. Money at risk = baseline × hour × peak × degradation × conversion weight."
        >
          <BaselinesTable
            baselines={draft.baselines}
            currency={draft.currency}
            errors={errors}
            onChange={(j, f, value) => patch({ baselines: { ...draft.baselines, [j]: { ...draft.baselines[j], [f]: value } } })}
          />
        </Section>
        <Section
          title="Hourly profile"
          description="How busy each hour of the day is compared with the average (×1). Evenings are usually ×1.5–2, nights ×0.2–0.4."
        >
          <HourlyProfileEditor
            profile={draft.hourlyProfile}
            timeZone={draft.timeZone}
            errors={errors}
            readOnly={readOnly}
            onChange={(hourlyProfile) => patch({ hourlyProfile })}
          />
        </Section>
        <Section
          title="Alert-opened incidents"
          description="When an alert opens an incident on a catalogued service, its journeys count as this much degraded (flagged “estimated from alert”) until someone confirms or changes it. 0 = no estimate. An integration may set its own."
        >
          <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            {SEVERITIES.map((s) => (
              <Field key={s} label={`${s} degraded %`} htmlFor={`alertDegradation-${s}`} error={errors[`alertDegradation.${s}`]}>
                <Input
                  id={`alertDegradation-${s}`}
                  type="number"
                  min={0}
                  max={100}
                  step="1"
                  value={draft.alertDegradation[s]}
                  onChange={(e) => patch({ alertDegradation: { ...draft.alertDegradation, [s]: e.target.value } })}
                  aria-invalid={Boolean(errors[`alertDegradation.${s}`])}
                  className="text-right tabular"
                />
              </Field>
            ))}
          </div>
        </Section>
        <Section
          title="Peak windows"
          description="Dated periods when traffic is a multiple of normal. Where windows overlap, the largest multiplier applies."
        >
          <PeakWindowsEditor
            windows={draft.peakWindows}
            timeZone={draft.timeZone}
            errors={errors}
            readOnly={readOnly}
            onChange={(peakWindows) => patch({ peakWindows })}
          />
        </Section>
      </fieldset>
      {!readOnly ? (
        <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-line bg-canvas/95 py-3 backdrop-blur">
          <Button type="submit" disabled={busy}>
            {busy ? "Saving…" : "Save settings"}
          </Button>
          <Button
            variant="ghost"
            onClick={() => {
              setDraft(toDraft(saved));
              setErrors({});
              setMessage(null);
            }}
          >
            Discard changes
          </Button>
          {message ? (
            <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-ok" : "text-sm font-medium text-sev1"}>
              {message.text}
            </p>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}

/** The model at work: what checkout carries this minute, and why. */
function Preview({ settings }: { settings: ImpactSettingsDto }) {
  const now = useNow(60_000);
  if (!now) return <div className="h-[54px]" aria-hidden />;
  const model = toImpactModel(settings);
  const hour = hourlyMultiplier(model, now);
  const peak = peakMultiplier(model, now);
  const checkout = baselineRate(model, "checkout", now).revenue;
  const window = model.peakWindows.find((w) => now >= w.startsAt && now < w.endsAt && w.multiplier === peak);
  return (
    <p className="rounded-md border border-line bg-surface px-3 py-2 text-sm" data-testid="impact-preview">
      <span className="text-ink-muted">Right now checkout carries </span>
      <span className="font-mono font-semibold tabular">{formatPerMinute(checkout, settings.currency)}</span>
      <span className="text-ink-muted">
        {" "}
        (baseline {formatPerMinute(settings.baselines.checkout.revenuePerMinute, settings.currency)} × hour ×{hour.toFixed(2)} in{" "}
        {settings.timeZone}
        {window ? ` × ${window.name} ×${peak}` : ""})
      </span>
    </p>
  );
}
