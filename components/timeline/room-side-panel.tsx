"use client";
import type { StakeholderUpdateDto } from "@/lib/stakeholder/stakeholder-dto.ts";
import { BlastRadiusSection } from "../incidents/panel/blast-radius-section.tsx";
import { DetailsSection } from "../incidents/panel/details-section.tsx";
import { ImpactSection } from "../incidents/panel/impact-section.tsx";
import { KeyTimesSection } from "../incidents/panel/key-times-section.tsx";
import { RolesSection } from "../incidents/panel/roles-section.tsx";
import { ServicesSection } from "../incidents/panel/services-section.tsx";
import { useRoom } from "../incidents/room-context.ts";
import { PresenceList } from "../presence/presence-list.tsx";
import type { PresenceStore } from "../presence/presence-store.ts";
import { RoomPostmortemSection } from "../postmortems/room-postmortem-section.tsx";
import { StakeholderSection } from "../stakeholder/stakeholder-section.tsx";

export function RoomSidePanel({
  presence,
  stakeholderUpdate,
}: {
  presence: PresenceStore;
  stakeholderUpdate: StakeholderUpdateDto | null;
}) {
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
      <PresenceList store={presence} commanderId={incident.commander?.id ?? null} />
      <KeyTimesSection />
      <DetailsSection />
    </aside>
  );
}
