"use client";
import { useCallback, useState } from "react";
import type { IntegrationDto } from "@/lib/integrations/integration-dto.ts";
import { CreateIntegrationForm } from "./create-integration-form.tsx";
import { IntegrationDetail } from "./integration-detail.tsx";
import { IntegrationList } from "./integration-list.tsx";
import { NewSecretNotice } from "./new-secret-notice.tsx";

interface Props {
  initial: IntegrationDto[];
  services: { id: string; name: string }[];
}

export function IntegrationsManager({ initial, services }: Props) {
  const [integrations, setIntegrations] = useState(initial);
  const [selectedId, setSelectedId] = useState<string | null>(initial[0]?.id ?? null);
  const [fresh, setFresh] = useState<{ integration: IntegrationDto; secret: string } | null>(null);
  const selected = integrations.find((i) => i.id === selectedId) ?? null;

  // Stable, so the detail's loader does not re-run on every render of this list.
  const updateStats = useCallback((id: string, stats: IntegrationDto["stats"], lastReceivedAt: string | null) => {
    setIntegrations((list) => list.map((i) => (i.id === id ? { ...i, stats, lastReceivedAt } : i)));
  }, []);
  const replace = (next: IntegrationDto) =>
    setIntegrations((list) => list.map((i) => (i.id === next.id ? { ...next, stats: i.stats } : i)));

  return (
    <div className="space-y-6">
      <div className="max-w-3xl space-y-1">
        <h2 className="text-lg font-semibold">Alert sources</h2>
        <p className="text-sm text-ink-muted">
          Monitoring posts alerts to Warroom. A firing alert opens an incident on its service (severity from your rules) or adds an entry to
          the incident already open for it; repeats are counted, not written again; a resolved alert is noted in the room and never closes
          the incident.
        </p>
      </div>
      {fresh ? <NewSecretNotice integration={fresh.integration} secret={fresh.secret} onDismiss={() => setFresh(null)} /> : null}
      <CreateIntegrationForm
        onCreated={(created) => {
          setIntegrations((list) => [...list, created.integration].sort((a, b) => a.name.localeCompare(b.name)));
          setSelectedId(created.integration.id);
          setFresh(created);
        }}
      />
      <div className="grid items-start gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
        <IntegrationList integrations={integrations} selectedId={selectedId} onSelect={setSelectedId} />
        {selected ? (
          <IntegrationDetail
            key={selected.id}
            integration={selected}
            services={services}
            onChanged={replace}
            onStats={updateStats}
            onSecret={(integration, secret) => {
              replace(integration);
              setFresh({ integration, secret });
              window.scrollTo({ top: 0 });
            }}
            onDeleted={(id) => {
              setIntegrations((list) => list.filter((i) => i.id !== id));
              setSelectedId((current) => (current === id ? null : current));
              if (fresh?.integration.id === id) setFresh(null);
            }}
          />
        ) : null}
      </div>
    </div>
  );
}
