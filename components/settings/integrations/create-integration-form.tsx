"use client";
import { useState, type FormEvent } from "react";
import type { IntegrationDto } from "@/lib/integrations/integration-dto.ts";
import { INTEGRATION_KINDS, KIND_INFO, type IntegrationKindName } from "@/lib/integrations/kinds.ts";
import { useApiSubmit } from "../../api/use-api-submit.ts";
import { Button } from "../../ui/button.tsx";
import { Field, Input, Select } from "../../ui/field.tsx";

export function CreateIntegrationForm({ onCreated }: { onCreated: (created: { integration: IntegrationDto; secret: string }) => void }) {
  const [kind, setKind] = useState<IntegrationKindName>("alertmanager");
  const [name, setName] = useState("");
  const { errors, failure, busy: isSaving, send } = useApiSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const created = await send<{ integration: IntegrationDto; secret: string }>("/api/integrations", {
      method: "POST",
      body: { kind, name },
    });
    if (!created) return;
    setName("");
    onCreated(created);
  }

  return (
    <form
      onSubmit={submit}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-line bg-surface p-4"
      aria-labelledby="create-integration-title"
    >
      <h2 id="create-integration-title" className="w-full font-semibold">
        Connect an alert source
      </h2>
      <div className="w-full sm:w-64">
        <Field label="Source" htmlFor="integration-kind">
          <Select id="integration-kind" value={kind} onChange={(e) => setKind(e.target.value as IntegrationKindName)}>
            {INTEGRATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_INFO[k].label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="min-w-0 flex-1">
        <Field label="Name" htmlFor="integration-name" error={errors.name}>
          <Input
            id="integration-name"
            value={name}
            maxLength={80}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={Boolean(errors.name)}
            aria-describedby={errors.name ? "integration-name-error" : undefined}
            placeholder="Prometheus prod"
          />
        </Field>
      </div>
      <Button type="submit" disabled={isSaving}>
        {isSaving ? "Creating…" : "Create integration"}
      </Button>
      {failure ? (
        <p role="alert" className="w-full text-sm text-sev1">
          {failure}
        </p>
      ) : null}
    </form>
  );
}
