"use client";
import { useState, type FormEvent } from "react";
import type { IntegrationDto } from "@/lib/integrations/integration-dto.ts";
import { apiRequest } from "../../api/api-client.ts";
import { Button } from "../../ui/button.tsx";
import { Field, Input } from "../../ui/field.tsx";

interface Props {
  integration: IntegrationDto;
  onSecret: (integration: IntegrationDto, secret: string) => void;
  onDeleted: (id: string) => void;
}

/** Rotating, pasting a source-issued secret (PagerDuty's signing secret), deleting: all confirmed first. */
export function SecretActions({ integration, onSecret, onDeleted }: Props) {
  const [confirming, setConfirming] = useState<"rotate" | "delete" | null>(null);
  const [pasted, setPasted] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const path = `/api/integrations/${integration.id}`;

  async function patch(body: Record<string, unknown>) {
    setIsBusy(true);
    const res = await apiRequest<{ integration: IntegrationDto; secret: string | null }>(path, { method: "PATCH", body });
    setIsBusy(false);
    setConfirming(null);
    if (!res.ok) return setError(res.error.fields.secret ?? res.error.message);
    setError(null);
    setPasted("");
    if (res.data.secret) onSecret(res.data.integration, res.data.secret);
  }

  async function remove() {
    setIsBusy(true);
    const res = await apiRequest<{ deleted: { id: string } }>(path, { method: "DELETE" });
    setIsBusy(false);
    if (!res.ok) return setError(res.error.message);
    onDeleted(res.data.deleted.id);
  }

  function savePasted(e: FormEvent) {
    e.preventDefault();
    void patch({ secret: pasted });
  }

  return (
    <section className="space-y-3 border-t border-line pt-4" aria-labelledby="secret-title">
      <h3 id="secret-title" className="font-semibold">
        Secret and removal
      </h3>
      {integration.kind === "pagerduty" ? (
        <form onSubmit={savePasted} className="flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1">
            <Field
              label="Signing secret from PagerDuty"
              htmlFor="pd-secret"
              hint="PagerDuty shows it once when you create the webhook subscription; Warroom checks X-PagerDuty-Signature with it."
            >
              <Input id="pd-secret" type="password" autoComplete="off" value={pasted} onChange={(e) => setPasted(e.target.value)} />
            </Field>
          </div>
          <Button type="submit" variant="secondary" disabled={isBusy || pasted.trim().length < 16}>
            Save signing secret
          </Button>
        </form>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        {confirming === "rotate" ? (
          <div
            role="alertdialog"
            aria-label="Rotate the secret?"
            className="flex flex-wrap items-center gap-2 rounded-md border border-warn/50 bg-warn/10 p-2 text-sm"
          >
            <span>The current secret stops working at once. Rotate?</span>
            <Button size="sm" onClick={() => void patch({ rotateSecret: true })} disabled={isBusy}>
              Rotate now
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>
              Cancel
            </Button>
          </div>
        ) : (
          <Button variant="secondary" size="sm" onClick={() => setConfirming("rotate")}>
            Rotate secret…
          </Button>
        )}
        {confirming === "delete" ? (
          <div
            role="alertdialog"
            aria-label={`Delete ${integration.name}?`}
            className="flex flex-wrap items-center gap-2 rounded-md border border-sev1/50 bg-sev1/10 p-2 text-sm"
          >
            <span>Its alert history goes; incidents it opened stay. Delete?</span>
            <Button size="sm" variant="danger" onClick={() => void remove()} disabled={isBusy}>
              Delete
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>
              Cancel
            </Button>
          </div>
        ) : (
          <Button variant="ghost" size="sm" onClick={() => setConfirming("delete")}>
            Delete integration…
          </Button>
        )}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-sev1">
          {error}
        </p>
      ) : null}
    </section>
  );
}
