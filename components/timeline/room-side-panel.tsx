"use client";
import { ROLE_LABELS, type RoleName } from "@/lib/auth/permissions.ts";
import type { PresenceUser } from "@/lib/realtime/protocol.ts";
import type { StakeholderUpdateDto } from "@/lib/stakeholder/stakeholder-dto.ts";
import { BlastRadiusSection } from "../incidents/panel/blast-radius-section.tsx";
import { DetailsSection } from "../incidents/panel/details-section.tsx";
import { ImpactSection } from "../incidents/panel/impact-section.tsx";
import { KeyTimesSection } from "../incidents/panel/key-times-section.tsx";
import { PanelSection } from "../incidents/panel/panel-section.tsx";
import { RolesSection } from "../incidents/panel/roles-section.tsx";
import { ServicesSection } from "../incidents/panel/services-section.tsx";
import { useRoom } from "../incidents/room-context.ts";
import { RoomPostmortemSection } from "../postmortems/room-postmortem-section.tsx";
import { StakeholderSection } from "../stakeholder/stakeholder-section.tsx";

export function RoomSidePanel({ presence, stakeholderUpdate }: { presence: PresenceUser[]; stakeholderUpdate: StakeholderUpdateDto | null }) {
  const { incident, error } = useRoom();
  return (
    <aside className="h-full min-h-0 overflow-y-auto border-l border-line bg-surface text-sm" aria-label="Incident details">
      {error ? (
        <p role="alert" className="border-b border-sev1/40 bg-sev1/10 px-4 py-2 text-sm font-medium text-sev1">
          {error}
        </p>
      ) : null}
      <RoomPostmortemSection />
      {/* In the order a commander needs them: who still has to be told, what it costs and what is
          broken, what customers were told, who does what, who is here; then the record. */}
      <BlastRadiusSection />
      <ImpactSection />
      <ServicesSection />
      <StakeholderSection initial={stakeholderUpdate} />
      <RolesSection />
      <PanelSection title={`In the room now (${presence.length})`}>
        {presence.length === 0 ? (
          <p className="text-ink-muted">Connecting…</p>
        ) : (
          <ul className="space-y-1.5" data-testid="presence">
            {presence.map((u) => (
              <li key={u.id} className="flex items-center gap-2">
                <span aria-hidden className="text-ok">●</span>
                <span className="font-medium">{u.name}</span>
                {incident.commander?.id === u.id ? (
                  <span className="rounded border border-accent/50 px-1 text-[11px] font-semibold text-accent" title="Incident commander">IC</span>
                ) : null}
                <span className="ml-auto text-xs text-ink-muted">{ROLE_LABELS[u.role as RoleName] ?? u.role}</span>
              </li>
            ))}
          </ul>
        )}
      </PanelSection>
      <KeyTimesSection />
      <DetailsSection />
    </aside>
  );
}
