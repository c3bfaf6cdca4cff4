"use client";
import { useEffect, useRef } from "react";
import type { IntegrationDto } from "@/lib/integrations/integration-dto.ts";
import { KIND_INFO } from "@/lib/integrations/kinds.ts";
import { Button } from "../../ui/button.tsx";
import { CopyField } from "./copy-field.tsx";
import { SetupInstructions } from "./setup-instructions.tsx";
import { useOrigin } from "./use-origin.ts";

/** The one time the secret is visible (creation or rotation): URL, secret and what to paste where. */
export function NewSecretNotice({
  integration,
  secret,
  onDismiss,
}: {
  integration: IntegrationDto;
  secret: string;
  onDismiss: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const origin = useOrigin();
  const url = `${origin}${integration.webhookPath}`;
  useEffect(() => ref.current?.focus(), []);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="region"
      aria-label="New integration secret"
      data-testid="new-integration"
      className="space-y-4 rounded-lg border border-ok/50 bg-ok/5 p-4 outline-none"
    >
      <p className="font-semibold text-ink">
        {KIND_INFO[integration.kind].label} “{integration.name}” is ready. Copy the secret now: it will not be shown again.
      </p>
      <CopyField label="Webhook URL" value={url} testId="webhook-url" />
      <CopyField label="Secret" value={secret} testId="webhook-secret" />
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-ink-muted">Set it up</p>
        <SetupInstructions kind={integration.kind} url={url} secret={secret} />
      </div>
      <Button variant="ghost" size="sm" onClick={onDismiss}>
        I have copied it
      </Button>
    </div>
  );
}
