"use client";
import { useState, type FormEvent, type ReactNode } from "react";
import { SEVERITIES, type SeverityName } from "@/lib/vocabulary/incidents.ts";
import type { IntegrationDto } from "@/lib/integrations/integration-dto.ts";
import { GROUPING_KINDS } from "@/lib/integrations/kinds.ts";
import type { ServiceRule, SeverityRule } from "@/lib/integrations/mapping.ts";
import { apiRequest } from "../../api/api-client.ts";
import { Button } from "../../ui/button.tsx";
import { Field, Input, Select } from "../../ui/field.tsx";

interface Props {
  integration: IntegrationDto;
  services: { id: string; name: string }[];
  onSaved: (integration: IntegrationDto) => void;
}

const small = "h-9";

/** Which service and severity an alert gets, and whether it opens incidents. Saved as one change. */
export function MappingEditor({ integration, services, onSaved }: Props) {
  const [serviceLabel, setServiceLabel] = useState(integration.serviceLabel);
  const [defaultServiceId, setDefaultServiceId] = useState(integration.defaultService?.id ?? "");
  const [serviceRules, setServiceRules] = useState<ServiceRule[]>(integration.serviceRules);
  const [severityLabel, setSeverityLabel] = useState(integration.severityLabel);
  const [severityRules, setSeverityRules] = useState<SeverityRule[]>(integration.severityRules);
  const [defaultSeverity, setDefaultSeverity] = useState<SeverityName>(integration.defaultSeverity);
  const [opensIncidents, setOpensIncidents] = useState(integration.opensIncidents);
  const [groupAlerts, setGroupAlerts] = useState(integration.groupAlerts);
  const canGroup = GROUPING_KINDS.includes(integration.kind);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const firstService = services[0]?.id ?? "";

  async function save(e: FormEvent) {
    e.preventDefault();
    setIsSaving(true);
    const body = {
      serviceLabel,
      defaultServiceId: defaultServiceId || null,
      serviceRules,
      severityLabel,
      severityRules,
      defaultSeverity,
      opensIncidents,
      ...(canGroup ? { groupAlerts } : {}),
    };
    const res = await apiRequest<{ integration: IntegrationDto }>(`/api/integrations/${integration.id}`, { method: "PATCH", body });
    setIsSaving(false);
    if (!res.ok) {
      setErrors(res.error.fields);
      setMessage({ ok: false, text: res.error.message });
      return;
    }
    setErrors({});
    setMessage({ ok: true, text: "Mapping saved: it applies to the next alert." });
    onSaved(res.data.integration);
  }

  const ruleError = (prefix: string) => Object.entries(errors).find(([k]) => k.startsWith(prefix))?.[1];

  return (
    <form onSubmit={save} className="space-y-5" aria-label="Alert mapping">
      <fieldset className="space-y-3">
        <legend className="font-semibold">Service</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            label="Label that names the service"
            htmlFor="map-service-label"
            error={errors.serviceLabel}
            hint="Its value is matched to catalog service names, ignoring case and punctuation."
          >
            <Input id="map-service-label" value={serviceLabel} onChange={(e) => setServiceLabel(e.target.value)} className={small} />
          </Field>
          <Field label="Otherwise" htmlFor="map-default-service" error={errors.defaultServiceId}>
            <Select
              id="map-default-service"
              value={defaultServiceId}
              onChange={(e) => setDefaultServiceId(e.target.value)}
              className={small}
            >
              <option value="">No service (still recorded)</option>
              {services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <RuleRows
          title="Rules, checked first"
          columns="grid-cols-[minmax(0,8rem)_1rem_minmax(0,10rem)_1rem_minmax(0,14rem)_auto]"
          empty="No rules: the label above decides."
          rows={serviceRules}
          onChange={setServiceRules}
          make={() => ({ label: "job", value: "", serviceId: firstService })}
          canAdd={Boolean(firstService)}
          error={ruleError("serviceRules")}
          render={(rule, i, set) => (
            <>
              <Input
                aria-label={`Rule ${i + 1} label`}
                value={rule.label}
                onChange={(e) => set({ ...rule, label: e.target.value })}
                className={small}
              />
              <span className="text-center text-ink-muted">=</span>
              <Input
                aria-label={`Rule ${i + 1} value`}
                value={rule.value}
                onChange={(e) => set({ ...rule, value: e.target.value })}
                className={small}
              />
              <span className="text-center text-ink-muted" aria-hidden>
                →
              </span>
              <Select
                aria-label={`Rule ${i + 1} service`}
                value={rule.serviceId}
                onChange={(e) => set({ ...rule, serviceId: e.target.value })}
                className={small}
              >
                {services.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </Select>
            </>
          )}
        />
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="font-semibold">Severity</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            label="Label that carries the severity"
            htmlFor="map-severity-label"
            error={errors.severityLabel}
            hint="The source’s own priority (P1, high…) is tried too."
          >
            <Input id="map-severity-label" value={severityLabel} onChange={(e) => setSeverityLabel(e.target.value)} className={small} />
          </Field>
          <Field label="When no rule matches" htmlFor="map-default-severity" error={errors.defaultSeverity}>
            <Select
              id="map-default-severity"
              value={defaultSeverity}
              onChange={(e) => setDefaultSeverity(e.target.value as SeverityName)}
              className={small}
            >
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <RuleRows
          title="Value → severity (compared without case)"
          columns="grid-cols-[minmax(0,10rem)_1rem_6.5rem_auto]"
          isCompact
          empty="No rules: every new incident gets the default."
          rows={severityRules}
          onChange={setSeverityRules}
          make={(): SeverityRule => ({ value: "", severity: "SEV3" })}
          canAdd
          error={ruleError("severityRules")}
          render={(rule, i, set) => (
            <>
              <Input
                aria-label={`Severity rule ${i + 1} value`}
                value={rule.value}
                onChange={(e) => set({ ...rule, value: e.target.value })}
                className={small}
              />
              <span className="text-center text-ink-muted" aria-hidden>
                →
              </span>
              <Select
                aria-label={`Severity rule ${i + 1} severity`}
                value={rule.severity}
                onChange={(e) => set({ ...rule, severity: e.target.value as SeverityName })}
                className={small}
              >
                {SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
            </>
          )}
        />
      </fieldset>

      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          checked={opensIncidents}
          onChange={(e) => setOpensIncidents(e.target.checked)}
          className="mt-0.5 accent-[#5b9cff]"
        />
        <span>
          <span className="font-medium text-ink">A firing alert with no open incident opens one</span>
          <span className="block text-xs text-ink-muted">
            Off: alerts are only recorded here, and appended to incidents they already opened.
          </span>
        </span>
      </label>

      {canGroup ? (
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            checked={groupAlerts}
            onChange={(e) => setGroupAlerts(e.target.checked)}
            className="mt-0.5 accent-[#5b9cff]"
          />
          <span>
            <span className="font-medium text-ink">One incident per notification group</span>
            <span className="block text-xs text-ink-muted">
              Alerts Alertmanager groups together (its <code className="font-mono">group_by</code>, keyed by{" "}
              <code className="font-mono">groupKey</code>) share one incident: fifty pods failing one rule are one incident. Off: one
              incident per alert fingerprint.
            </span>
          </span>
        </label>
      ) : null}

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSaving}>
          {isSaving ? "Saving…" : "Save mapping"}
        </Button>
        {message ? (
          <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-ok" : "text-sm font-medium text-sev1"}>
            {message.text}
          </p>
        ) : null}
      </div>
    </form>
  );
}

interface RuleRowsProps<R> {
  title: string;
  /** Grid columns of one row, so rule rows line up like a table. */
  columns: string;
  isCompact?: boolean;
  empty: string;
  rows: R[];
  onChange: (rows: R[]) => void;
  make: () => R;
  canAdd: boolean;
  error?: string;
  render: (row: R, index: number, set: (row: R) => void) => ReactNode;
}

function RuleRows<R>({ title, columns, isCompact, empty, rows, onChange, make, canAdd, error, render }: RuleRowsProps<R>) {
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium">{title}</p>
      {rows.length === 0 ? <p className="text-xs text-ink-muted">{empty}</p> : null}
      <ol className={isCompact ? "grid gap-x-6 gap-y-2 xl:grid-cols-2" : "space-y-2"}>
        {rows.map((row, i) => (
          <li key={i} className={`grid items-center gap-2 text-sm ${columns}`}>
            {render(row, i, (next) => onChange(rows.map((r, j) => (j === i ? next : r))))}
            <Button variant="ghost" size="sm" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={`Remove rule ${i + 1}`}>
              Remove
            </Button>
          </li>
        ))}
      </ol>
      {error ? (
        <p role="alert" className="text-xs font-medium text-sev1">
          {error}
        </p>
      ) : null}
      <Button variant="secondary" size="sm" onClick={() => onChange([...rows, make()])} disabled={!canAdd}>
        Add rule
      </Button>
    </div>
  );
}
