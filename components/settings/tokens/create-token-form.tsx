"use client";
import { useState, type FormEvent } from "react";
import type { ApiTokenDto } from "@/lib/people/api-tokens.ts";
import { API_TOKEN_SCOPE_LABELS, API_TOKEN_SCOPES, type ApiTokenScopeName } from "@/lib/auth/api-token-schemas.ts";
import { useApiSubmit } from "../../api/use-api-submit.ts";
import { Button } from "../../ui/button.tsx";
import { Field, Input } from "../../ui/field.tsx";
import { cn } from "../../ui/cn.ts";

interface Props {
  onCreated: (created: { token: string; apiToken: ApiTokenDto }) => void;
}

export function CreateTokenForm({ onCreated }: Props) {
  const [name, setName] = useState("");
  const [scope, setScope] = useState<ApiTokenScopeName>("write");
  const { errors, failure, busy: isSaving, send } = useApiSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const created = await send<{ token: string; apiToken: ApiTokenDto }>("/api/tokens", { method: "POST", body: { name, scope } });
    if (!created) return;
    setName("");
    onCreated(created);
  }

  return (
    <form onSubmit={submit} className="space-y-4 rounded-lg border border-line bg-surface p-4" aria-labelledby="create-token-title">
      <h2 id="create-token-title" className="font-semibold">
        Create a token
      </h2>
      <Field
        label="Name"
        htmlFor="token-name"
        error={errors.name}
        hint="What uses it, so you know what breaks when you revoke it: “payments health push”, “Grafana dashboard”."
      >
        <Input
          id="token-name"
          value={name}
          maxLength={80}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={Boolean(errors.name)}
          aria-describedby={errors.name ? "token-name-error" : undefined}
          placeholder="payments health push"
        />
      </Field>
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium">Scope</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {API_TOKEN_SCOPES.map((s) => (
            <label
              key={s}
              className={cn(
                "flex cursor-pointer gap-2 rounded-md border p-3 text-sm",
                scope === s ? "border-accent bg-accent/10" : "border-line hover:border-line-strong",
              )}
            >
              <input
                type="radio"
                name="scope"
                value={s}
                checked={scope === s}
                onChange={() => setScope(s)}
                className="mt-0.5 accent-[#5b9cff]"
              />
              <span>
                <span className="block font-medium text-ink">{API_TOKEN_SCOPE_LABELS[s].label}</span>
                <span className="block text-xs text-ink-muted">{API_TOKEN_SCOPE_LABELS[s].hint}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.scope ? (
          <p role="alert" className="mt-1 text-xs font-medium text-sev1">
            {errors.scope}
          </p>
        ) : null}
      </fieldset>
      {failure ? (
        <p role="alert" className="text-sm text-sev1">
          {failure}
        </p>
      ) : null}
      <Button type="submit" disabled={isSaving}>
        {isSaving ? "Creating…" : "Create token"}
      </Button>
    </form>
  );
}
