"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type KeyboardEvent } from "react";
import type { NamedRef, ServiceDetailDto } from "@/lib/catalog/catalog-dto.ts";
import {
  JOURNEY_LABELS,
  JOURNEYS,
  SERVICE_KIND_LABELS,
  SERVICE_KINDS,
  TIER_LABELS,
  TIERS,
  type JourneyName,
  type ServiceKindName,
} from "@/lib/vocabulary/catalog.ts";
import { useApiSubmit } from "../api/use-api-submit.ts";
import { Button } from "../ui/button.tsx";
import { cn } from "../ui/cn.ts";
import { Field, Input, Select, Textarea } from "../ui/field.tsx";
import { errorProps, groupFieldErrors } from "./form-errors.ts";

interface Values {
  name: string;
  kind: ServiceKindName;
  tier: 1 | 2 | 3;
  teamId: string;
  journeys: JourneyName[];
  runbookUrl: string;
  healthCheckUrl: string;
  system: string;
  description: string;
  /** Comma-separated as typed; sent as a list. */
  aliases: string;
  healthCheckEnabled: boolean;
}

function initialValues(service: ServiceDetailDto | undefined, defaultTeamId: string): Values {
  return {
    name: service?.name ?? "",
    kind: service?.kind ?? "api",
    tier: (service?.tier as 1 | 2 | 3 | undefined) ?? 2,
    teamId: service?.team.id ?? defaultTeamId,
    journeys: service?.journeys ?? [],
    runbookUrl: service?.runbookUrl ?? "",
    healthCheckUrl: service?.healthCheckUrl ?? "",
    system: service?.system ?? "",
    description: service?.description ?? "",
    aliases: service?.aliases.join(", ") ?? "",
    healthCheckEnabled: service?.healthCheckEnabled ?? true,
  };
}

interface Props {
  /** Edit this service; without it the form creates one. */
  service?: ServiceDetailDto;
  teams: NamedRef[];
  defaultTeamId?: string;
  onSaved?: (service: ServiceDetailDto) => void;
  onCancel?: () => void;
}

export function ServiceForm({ service, teams, defaultTeamId = "", onSaved, onCancel }: Props) {
  const router = useRouter();
  const [values, setValues] = useState(() => initialValues(service, defaultTeamId));
  // What the person typed stays; the errors appear next to the fields they concern.
  const { errors, failure: formError, busy, send } = useApiSubmit(groupFieldErrors);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    const saved = await send<ServiceDetailDto>(service ? `/api/services/${service.id}` : "/api/services", {
      method: service ? "PATCH" : "POST",
      body: {
        ...values,
        aliases: values.aliases
          .split(",")
          .map((a) => a.trim())
          .filter(Boolean),
      },
    });
    if (!saved) return;
    if (onSaved) onSaved(saved);
    else router.push(`/catalog/services/${saved.id}`);
    router.refresh();
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) void submit();
    if (e.key === "Escape" && onCancel) onCancel();
  }

  const id = (field: string) => `service-${field}`;
  return (
    <form
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
      className="space-y-5"
      aria-label={service ? `Edit ${service.name}` : "New service"}
    >
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Name" htmlFor={id("name")} error={errors.name} hint="How people and imports refer to it; unique in your catalog.">
          <Input
            id={id("name")}
            value={values.name}
            onChange={(e) => set("name", e.target.value)}
            maxLength={120}
            autoFocus
            required
            {...errorProps(id("name"), errors.name)}
          />
        </Field>
        <Field label="Owning team" htmlFor={id("teamId")} error={errors.teamId} hint="Who gets told when it breaks.">
          <Select
            id={id("teamId")}
            value={values.teamId}
            onChange={(e) => set("teamId", e.target.value)}
            required
            {...errorProps(id("teamId"), errors.teamId)}
          >
            <option value="">Choose a team…</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Kind" htmlFor={id("kind")} error={errors.kind}>
          <Select
            id={id("kind")}
            value={values.kind}
            onChange={(e) => set("kind", e.target.value as ServiceKindName)}
            {...errorProps(id("kind"), errors.kind)}
          >
            {SERVICE_KINDS.map((k) => (
              <option key={k} value={k}>
                {SERVICE_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </Field>
        <fieldset className="space-y-1.5">
          <legend className="mb-1.5 text-sm font-medium">Tier</legend>
          <div className="grid grid-cols-3 gap-1.5">
            {TIERS.map((t) => (
              <label
                key={t}
                className={cn(
                  "flex cursor-pointer items-center gap-2 rounded-md border px-2 py-2 text-xs",
                  values.tier === t ? "border-accent bg-raised" : "border-line hover:border-line-strong",
                )}
              >
                <input
                  type="radio"
                  name="tier"
                  value={t}
                  checked={values.tier === t}
                  onChange={() => set("tier", t)}
                  className="size-3.5 shrink-0 accent-[var(--color-accent)]"
                />
                <span>{TIER_LABELS[t]}</span>
              </label>
            ))}
          </div>
          {errors.tier ? (
            <p role="alert" className="text-xs font-medium text-sev1">
              {errors.tier}
            </p>
          ) : null}
        </fieldset>
      </div>

      <fieldset>
        <legend className="mb-1.5 text-sm font-medium">Customer journeys it serves</legend>
        <div className="grid grid-cols-2 gap-1.5 sm:grid-cols-3">
          {JOURNEYS.map((j) => (
            <label
              key={j}
              className="flex cursor-pointer items-center gap-2 rounded-md border border-line px-2 py-1.5 text-sm hover:border-line-strong"
            >
              <input
                type="checkbox"
                checked={values.journeys.includes(j)}
                onChange={(e) => set("journeys", e.target.checked ? [...values.journeys, j] : values.journeys.filter((x) => x !== j))}
                className="size-3.5 accent-[var(--color-accent)]"
              />
              {JOURNEY_LABELS[j]}
            </label>
          ))}
        </div>
        {errors.journeys ? (
          <p role="alert" className="mt-1.5 text-xs font-medium text-sev1">
            {errors.journeys}
          </p>
        ) : null}
      </fieldset>

      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Runbook URL" htmlFor={id("runbookUrl")} error={errors.runbookUrl} hint="What to do at 2 AM. Optional.">
          <Input
            id={id("runbookUrl")}
            type="url"
            inputMode="url"
            value={values.runbookUrl}
            onChange={(e) => set("runbookUrl", e.target.value)}
            placeholder="https://runbooks.example.com/…"
            {...errorProps(id("runbookUrl"), errors.runbookUrl)}
          />
        </Field>
        <Field
          label="Health-check URL"
          htmlFor={id("healthCheckUrl")}
          error={errors.healthCheckUrl}
          hint="Polled for ok / degraded / down. Optional."
        >
          <Input
            id={id("healthCheckUrl")}
            type="url"
            inputMode="url"
            value={values.healthCheckUrl}
            onChange={(e) => set("healthCheckUrl", e.target.value)}
            placeholder="https://…/health"
            {...errorProps(id("healthCheckUrl"), errors.healthCheckUrl)}
          />
        </Field>
        <Field
          label="Alert aliases"
          htmlFor={id("aliases")}
          error={errors.aliases}
          hint="Other names alerts use for it, comma-separated (payment-gateway, pgw). Optional."
        >
          <Input
            id={id("aliases")}
            value={values.aliases}
            onChange={(e) => set("aliases", e.target.value)}
            placeholder="payment-gateway, pgw"
            {...errorProps(id("aliases"), errors.aliases)}
          />
        </Field>
        <label className="flex items-center gap-2 self-end pb-2 text-sm">
          <input type="checkbox" checked={values.healthCheckEnabled} onChange={(e) => set("healthCheckEnabled", e.target.checked)} />
          Poll the health-check URL
        </label>
        <Field
          label="System"
          htmlFor={id("system")}
          error={errors.system}
          hint="The larger system it belongs to, e.g. payments-core. Optional."
        >
          <Input
            id={id("system")}
            value={values.system}
            onChange={(e) => set("system", e.target.value)}
            maxLength={120}
            {...errorProps(id("system"), errors.system)}
          />
        </Field>
      </div>
      <Field label="Description" htmlFor={id("description")} error={errors.description}>
        <Textarea
          id={id("description")}
          rows={3}
          value={values.description}
          onChange={(e) => set("description", e.target.value)}
          maxLength={2000}
          {...errorProps(id("description"), errors.description)}
        />
      </Field>

      {formError ? (
        <p role="alert" className="text-sm font-medium text-sev1">
          {formError}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-end gap-3">
        <span className="mr-auto text-xs text-ink-faint">Ctrl+Enter saves{onCancel ? " · Esc cancels" : ""}</span>
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        ) : (
          <Button variant="ghost" onClick={() => router.back()}>
            Cancel
          </Button>
        )}
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : service ? "Save changes" : "Create service"}
        </Button>
      </div>
    </form>
  );
}
