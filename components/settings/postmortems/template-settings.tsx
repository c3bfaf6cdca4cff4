"use client";
import { useState } from "react";
import { SEVERITIES, SEVERITY_INFO, type SeverityName } from "@/lib/vocabulary/incidents.ts";
import type { PostmortemSettingsDto } from "@/lib/postmortems/postmortem-settings.ts";
import type { PostmortemTemplateDto } from "@/lib/postmortems/templates.ts";
import { useApiSubmit } from "../../api/use-api-submit.ts";
import { Button } from "../../ui/button.tsx";
import { Select } from "../../ui/field.tsx";
import { TemplateForm } from "./template-form.tsx";
import { guidancePlain } from "@/components/postmortems/guidance-text.tsx";

type Editing = { kind: "none" } | { kind: "new"; from?: PostmortemTemplateDto } | { kind: "edit"; template: PostmortemTemplateDto };

/** Built-in and custom templates, and which one each severity drafts from. */
export function TemplateSettings({ initial, isAdmin }: { initial: PostmortemSettingsDto; isAdmin: boolean }) {
  const [settings, setSettings] = useState(initial);
  const [defaults, setDefaults] = useState(initial.defaults);
  const [editing, setEditing] = useState<Editing>({ kind: "none" });
  const [saved, setSaved] = useState(false);
  const { busy, failure, errors, send } = useApiSubmit();
  const changed = SEVERITIES.some((s) => defaults[s] !== settings.defaults[s]);

  async function refresh() {
    const next = await send<PostmortemSettingsDto>("/api/settings/postmortems", { method: "GET" });
    if (next) {
      setSettings(next);
      setDefaults(next.defaults);
    }
  }

  async function saveDefaults() {
    setSaved(false);
    const next = await send<PostmortemSettingsDto>("/api/settings/postmortems", { method: "PUT", body: { defaults } });
    if (next) {
      setSettings(next);
      setDefaults(next.defaults);
      setSaved(true);
    }
  }

  async function remove(t: PostmortemTemplateDto) {
    if (!window.confirm(`Delete the template “${t.name}”? Post-mortems drafted from it keep their sections.`)) return;
    if (await send(`/api/settings/postmortems/templates/${t.key}`, { method: "DELETE" })) await refresh();
  }

  return (
    <div className="space-y-8">
      <section aria-labelledby="defaults-title" className="space-y-3">
        <div>
          <h2 id="defaults-title" className="text-base font-semibold">
            Template per severity
          </h2>
          <p className="text-sm text-ink-muted">
            Resolving an incident offers a draft from this template. Serious incidents deserve the full review; small ones the short one.
          </p>
        </div>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {SEVERITIES.map((s: SeverityName) => (
            <div key={s} className="space-y-1.5">
              <label htmlFor={`default-${s}`} className="block text-sm font-medium">
                {SEVERITY_INFO[s].label}
              </label>
              <Select
                id={`default-${s}`}
                value={defaults[s]}
                disabled={!isAdmin}
                onChange={(e) => setDefaults({ ...defaults, [s]: e.target.value })}
                aria-invalid={errors[`defaults.${s}`] ? true : undefined}
              >
                {settings.templates.map((t) => (
                  <option key={t.key} value={t.key}>
                    {t.name}
                  </option>
                ))}
              </Select>
              {errors[`defaults.${s}`] ? (
                <p role="alert" className="text-xs text-sev1">
                  {errors[`defaults.${s}`]}
                </p>
              ) : null}
            </div>
          ))}
        </div>
        {isAdmin ? (
          <div className="flex items-center gap-3">
            <Button size="sm" disabled={busy || !changed} onClick={() => void saveDefaults()}>
              Save defaults
            </Button>
            {saved && !changed ? (
              <p role="status" className="text-sm text-ok">
                Saved.
              </p>
            ) : null}
          </div>
        ) : (
          <p className="text-sm text-ink-muted">Only an admin changes templates and defaults.</p>
        )}
      </section>

      <section aria-labelledby="templates-title" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <div>
            <h2 id="templates-title" className="text-base font-semibold">
              Templates
            </h2>
            <p className="text-sm text-ink-muted">Every template is blameless by design: it asks how and what, never who.</p>
          </div>
          {isAdmin && editing.kind === "none" ? (
            <Button size="sm" onClick={() => setEditing({ kind: "new" })}>
              New template
            </Button>
          ) : null}
        </div>
        {editing.kind !== "none" ? (
          <TemplateForm
            key={editing.kind === "edit" ? editing.template.key : `new-${editing.from?.key ?? ""}`}
            template={editing.kind === "edit" ? editing.template : null}
            startFrom={editing.kind === "new" ? editing.from : undefined}
            onDone={async (changedAny) => {
              setEditing({ kind: "none" });
              if (changedAny) await refresh();
            }}
          />
        ) : null}
        <ul className="divide-y divide-line rounded-md border border-line bg-surface" data-testid="template-list">
          {settings.templates.map((t) => {
            const usedBy = SEVERITIES.filter((s) => settings.defaults[s] === t.key);
            return (
              <li key={t.key} className="space-y-2 p-4">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="font-semibold">{t.name}</h3>
                  <span className="rounded border border-line px-1.5 py-0.5 text-xs text-ink-muted">
                    {t.isBuiltin ? "Built in" : "Custom"}
                  </span>
                  {usedBy.length ? <span className="text-xs text-ink-muted">Default for {usedBy.join(", ")}</span> : null}
                  {isAdmin ? (
                    <div className="ml-auto flex gap-2">
                      {t.isBuiltin ? (
                        <Button size="sm" variant="ghost" onClick={() => setEditing({ kind: "new", from: t })}>
                          Copy to a new template
                        </Button>
                      ) : (
                        <>
                          <Button
                            size="sm"
                            variant="secondary"
                            onClick={() => setEditing({ kind: "edit", template: t })}
                            aria-label={`Edit ${t.name}`}
                          >
                            Edit
                          </Button>
                          <Button size="sm" variant="ghost" onClick={() => void remove(t)} aria-label={`Delete ${t.name}`}>
                            Delete
                          </Button>
                        </>
                      )}
                    </div>
                  ) : null}
                </div>
                {t.description ? <p className="text-sm text-ink-muted">{t.description}</p> : null}
                <ol className="flex flex-wrap gap-1.5 text-xs">
                  {t.sections.map((s, i) => (
                    <li key={s.key} className="rounded border border-line px-1.5 py-0.5 text-ink-muted" title={guidancePlain(s.guidance)}>
                      {i + 1}. {s.title}
                    </li>
                  ))}
                </ol>
              </li>
            );
          })}
        </ul>
        {failure ? (
          <p role="alert" className="text-sm font-medium text-sev1">
            {failure}
          </p>
        ) : null}
      </section>
    </div>
  );
}
