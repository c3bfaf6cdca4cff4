"use client";
import { canCommand, can } from "@/lib/auth/permissions.ts";
import type { IncidentRoleName } from "@/lib/incident-record/schemas.ts";
import { Button } from "../../ui/button.tsx";
import { useRoom } from "../room-context.ts";
import { PanelSection } from "./panel-section.tsx";
import { PersonPicker } from "./person-picker.tsx";

const ROLE_ROWS: { role: IncidentRoleName; label: string; key: "commander" | "commsLead" | "scribe" }[] = [
  { role: "commander", label: "Commander", key: "commander" },
  { role: "comms_lead", label: "Comms lead", key: "commsLead" },
  { role: "scribe", label: "Scribe", key: "scribe" },
];

/** A page-worthy alert names the owning team's first on call: offered, never assigned silently. */
function SuggestedCommander({ commands }: { commands: boolean }) {
  const { incident, run, busy } = useRoom();
  const who = incident.commander ? null : incident.suggestedCommander;
  if (!who) return null;
  return (
    <div
      role="note"
      className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-line bg-raised/40 px-2 py-1.5 text-xs"
      data-testid="suggested-commander"
    >
      <span>
        Suggested by the alert: <strong>{who.name}</strong> (first on call)
      </span>
      {commands ? (
        <Button
          size="sm"
          variant="secondary"
          className="h-6 px-2 text-xs"
          disabled={busy}
          onClick={() => void run("/roles", "POST", { role: "commander", userId: who.id })}
        >
          Make commander
        </Button>
      ) : null}
    </div>
  );
}

/** Who does what. Handing over command is an explicit, logged action. */
export function RolesSection() {
  const { incident, viewer, run, busy } = useRoom();
  const commands = canCommand(viewer, { commanderId: incident.commander?.id ?? null });
  const isResponder = incident.responders.some((r) => r.id === viewer.userId);

  return (
    <PanelSection title="Roles">
      <dl className="grid grid-cols-[5.5rem_1fr] items-center gap-x-2 gap-y-1.5">
        {ROLE_ROWS.map(({ role, label, key }) => {
          const holder = incident[key];
          return (
            <div key={role} className="contents">
              <dt className="text-ink-muted">{label}</dt>
              <dd className="flex min-w-0 items-center justify-between gap-2">
                <span className="truncate font-medium" data-testid={`role-${role}`}>
                  {holder?.name ?? <span className="font-normal text-ink-faint">—</span>}
                </span>
                {commands ? (
                  <PersonPicker
                    label={role === "commander" ? "Hand over command to" : `Set ${label.toLowerCase()}`}
                    placeholder={role === "commander" ? "Hand over" : "Assign"}
                    excludeIds={holder ? [holder.id] : []}
                    clearLabel={role !== "commander" && holder ? "Nobody" : undefined}
                    disabled={busy}
                    onPick={(person) => {
                      if (role === "commander" && person && !window.confirm(`Hand command of ${incident.ref} to ${person.name}?`)) return;
                      void run("/roles", "POST", { role, userId: person?.id ?? null });
                    }}
                  />
                ) : null}
              </dd>
            </div>
          );
        })}
      </dl>
      <SuggestedCommander commands={commands} />
      <div className="space-y-1.5 pt-1">
        <p className="text-ink-muted">Responders</p>
        {incident.responders.length === 0 ? <p className="text-ink-faint">Nobody has joined as responder yet.</p> : null}
        <ul className="space-y-1" data-testid="responders">
          {incident.responders.map((r) => (
            <li key={r.id} className="flex items-center justify-between gap-2">
              <span>{r.name}</span>
              {commands || r.id === viewer.userId ? (
                <Button
                  size="sm"
                  variant="ghost"
                  className="h-6 px-2 text-xs"
                  disabled={busy}
                  aria-label={`Remove ${r.name} as responder`}
                  onClick={() => void run(`/responders/${r.id}`, "DELETE")}
                >
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
        <div className="flex flex-wrap items-center gap-2">
          {can(viewer.role, "incident:edit") && !isResponder ? (
            <Button
              size="sm"
              variant="secondary"
              className="h-7"
              disabled={busy}
              onClick={() => void run("/responders", "POST", { userId: viewer.userId })}
            >
              Join as responder
            </Button>
          ) : null}
          {commands ? (
            <PersonPicker
              label="Add a responder"
              placeholder="Add responder…"
              excludeIds={incident.responders.map((r) => r.id)}
              isWide
              disabled={busy}
              onPick={(person) => person && void run("/responders", "POST", { userId: person.id })}
            />
          ) : null}
        </div>
      </div>
    </PanelSection>
  );
}
