"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { SEVERITIES, SEVERITY_INFO, type SeverityName } from "@/lib/vocabulary/incidents.ts";
import type { IncidentDto } from "@/lib/incident-record/incident-dto.ts";
import { apiRequest } from "../api/api-client.ts";
import { Button } from "../ui/button.tsx";
import { cn } from "../ui/cn.ts";
import { Field, Input, Textarea } from "../ui/field.tsx";
import { SeverityBadge } from "./severity-badge.tsx";

export function DeclareIncidentForm() {
  const router = useRouter();
  const [severity, setSeverity] = useState<SeverityName>("SEV2");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setErrors({});
    setFormError(undefined);
    const result = await apiRequest<IncidentDto>("/api/incidents", {
      method: "POST",
      body: { title: String(form.get("title") ?? ""), severity, summary: String(form.get("summary") ?? "") },
    });
    if (result.ok) {
      router.push(`/incidents/${result.data.id}`);
      return;
    }
    setBusy(false);
    setErrors(result.error.fields);
    if (!Object.keys(result.error.fields).length) setFormError(result.error.message);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5 rounded-lg border border-line bg-surface p-6" noValidate>
      <Field
        label="What is broken?"
        htmlFor="title"
        error={errors.title}
        hint="Say what customers feel: “Card payments failing at checkout”."
      >
        <Input
          id="title"
          name="title"
          required
          maxLength={200}
          autoFocus
          aria-invalid={Boolean(errors.title)}
          aria-describedby={errors.title ? "title-error" : undefined}
        />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Severity</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {SEVERITIES.map((s) => (
            <label
              key={s}
              className={cn(
                "flex cursor-pointer gap-3 rounded-md border p-3 text-sm",
                severity === s ? "border-accent bg-raised" : "border-line hover:border-line-strong",
              )}
            >
              <input
                type="radio"
                name="severity"
                value={s}
                checked={severity === s}
                onChange={() => setSeverity(s)}
                className="mt-1 size-4 shrink-0 accent-[var(--color-accent)] [color-scheme:light]"
              />
              <span className="space-y-1">
                <SeverityBadge severity={s} />
                <span className="block text-ink-muted">{SEVERITY_INFO[s].meaning}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.severity ? (
          <p role="alert" className="text-xs font-medium text-sev1">
            {errors.severity}
          </p>
        ) : null}
      </fieldset>
      <Field label="Summary (optional)" htmlFor="summary" error={errors.summary}>
        <Textarea id="summary" name="summary" rows={3} maxLength={5000} aria-invalid={Boolean(errors.summary)} />
      </Field>
      {formError ? (
        <p role="alert" className="text-sm font-medium text-sev1">
          {formError}
        </p>
      ) : null}
      <div className="flex justify-end gap-3">
        <Button variant="ghost" onClick={() => router.back()}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" disabled={busy}>
          {busy ? "Declaring…" : "Declare incident"}
        </Button>
      </div>
    </form>
  );
}
