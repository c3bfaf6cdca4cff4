"use client";
import { useCallback, useEffect, useState } from "react";
import type { IntegrationDto, RecentAlertDto, WebhookRefusalDto } from "@/lib/integrations/integration-dto.ts";
import { GROUPING_KINDS, KIND_INFO } from "@/lib/integrations/kinds.ts";
import { apiRequest, type ApiResult } from "../../api/api-client.ts";
import { Button } from "../../ui/button.tsx";
import { CopyField } from "./copy-field.tsx";
import { MappingEditor } from "./mapping-editor.tsx";
import { RecentAlerts } from "./recent-alerts.tsx";
import { RefusedRequests } from "./refused-requests.tsx";
import { SecretActions } from "./secret-actions.tsx";
import { SetupInstructions } from "./setup-instructions.tsx";
import { useOrigin } from "./use-origin.ts";

const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? "" : "s"}`;

type Detail = IntegrationDto & { recentAlerts: RecentAlertDto[]; refusals: WebhookRefusalDto[] };

interface Props {
  integration: IntegrationDto;
  services: { id: string; name: string }[];
  onChanged: (integration: IntegrationDto) => void;
  onSecret: (integration: IntegrationDto, secret: string) => void;
  onDeleted: (id: string) => void;
  /** Fresh counts for the list beside it, after each load. */
  onStats: (id: string, stats: IntegrationDto["stats"], lastReceivedAt: string | null) => void;
}

export function IntegrationDetail({ integration, services, onChanged, onSecret, onDeleted, onStats }: Props) {
  const origin = useOrigin();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const url = `${origin}${integration.webhookPath}`;

  const show = useCallback(
    (res: ApiResult<Detail>) => {
      if (res.ok) {
        setDetail(res.data);
        setError(null);
        onStats(res.data.id, res.data.stats, res.data.lastReceivedAt);
      } else setError(res.error.message);
    },
    [onStats],
  );
  const load = useCallback(() => apiRequest<Detail>(`/api/integrations/${integration.id}`).then(show), [integration.id, show]);

  useEffect(() => {
    let isCurrent = true;
    void apiRequest<Detail>(`/api/integrations/${integration.id}`).then((res) => {
      // Another integration selected by now: its answer is not this one's.
      if (isCurrent) show(res);
    });
    return () => {
      isCurrent = false;
    };
  }, [integration.id, show]);

  return (
    <section
      className="min-w-0 space-y-6 rounded-lg border border-line bg-surface p-4"
      aria-labelledby="integration-title"
      data-testid="integration-detail"
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h2 id="integration-title" className="text-lg font-semibold">
            {integration.name}
          </h2>
          <p className="text-sm text-ink-muted">
            {KIND_INFO[integration.kind].label} · one incident per{" "}
            {integration.groupAlerts && GROUPING_KINDS.includes(integration.kind)
              ? "notification group (groupKey)"
              : KIND_INFO[integration.kind].dedupOn}
          </p>
        </div>
        <p className="text-sm text-ink-muted">
          Secret ends in <code className="font-mono text-ink">…{integration.secretHint}</code>
        </p>
      </header>

      <CopyField label="Webhook URL" value={url} />
      <details className="rounded-md border border-line p-3">
        <summary className="cursor-pointer text-sm font-medium">Setup instructions</summary>
        <SetupInstructions kind={integration.kind} url={url} secret="<the secret shown when you created it>" />
      </details>

      <section className="space-y-2" aria-labelledby="recent-title">
        <div className="flex items-center justify-between gap-2">
          <h3 id="recent-title" className="font-semibold">
            Recent alerts
            {detail ? (
              <span className="ml-2 text-sm font-normal text-ink-muted">
                {integration.kind === "survey"
                  ? `${plural(detail.stats.received, "answer")} received`
                  : `${plural(detail.stats.keys, "key")} · ${plural(detail.stats.received, "alert")} received`}
              </span>
            ) : null}
          </h3>
          <Button variant="ghost" size="sm" onClick={() => void load()}>
            Refresh
          </Button>
        </div>
        {error ? (
          <p role="alert" className="text-sm text-sev1">
            {error}
          </p>
        ) : null}
        {detail ? <RecentAlerts alerts={detail.recentAlerts} /> : <p className="text-sm text-ink-muted">Loading…</p>}
      </section>

      {detail ? <RefusedRequests refusals={detail.refusals} /> : null}

      <section className="space-y-2 border-t border-line pt-4">
        <h3 className="sr-only">Mapping</h3>
        <MappingEditor key={integration.updatedAt} integration={integration} services={services} onSaved={onChanged} />
      </section>

      <SecretActions integration={integration} onSecret={onSecret} onDeleted={onDeleted} />
    </section>
  );
}
