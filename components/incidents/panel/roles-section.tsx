"use client";
import { canCommand, can } from "@/lib/auth/permissions.ts";
import type { IncidentRoleName } from "@/lib/incident-record/schemas.ts";
import { Button } from "../../ui/button.tsx";
import { useRoom } from "../room-context.ts";
import { PanelSection } from "./panel-section.tsx";

const ROLE_ROWS: { role: IncidentRoleName; label: string; key: "commander" | "commsLead" | "scribe" }[] = [
  { role: "commander", label: "Commander", key: "commander" },
  { role: "comms_lead", label: "Comms lead", key: "commsLead" },
  { role: "scribe", label: "Scribe", key: "scribe" },
];

const pickerClass = "h-7 w-[6.5rem] shrink-0 rounded border border-line bg-canvas px-1 text-xs text-ink focus:border-accent focus:outline-none";

/** A page-worthy alert names the owning team's first on call: offered, never assigned silently. */
function SuggestedCommander({ commands }: { commands: boolean }) {
  const { incident, run, busy } = useRoom();
  const who = incident.commander ? null : incident.suggestedCommander;
  if (!who) return null;
  return (
    <div role="note" className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-line bg-raised/40 px-2 py-1.5 text-xs" data-testid="suggested-commander">
      <span>
        Suggested by the alert: <strong>{who.name}</strong> (first on call)
      </span>
      {commands ? (
        <Button size="sm" variant="secondary" className="h-6 px-2 text-xs" disabled={busy} onClick={() => void run("/roles", "POST", { role: "commander", userId: who.id })}>
          Make commander
        </Button>
      ) : null}
    </div>
  );
}

/** Who does what. Handing over command is an explicit, logged action. */
export function RolesSection() {
  const { incident, viewer, members, run, busy } = useRoom();
  const commands = canCommand(viewer, { commanderId: incident.commander?.id ?? null });
  // Who may take a role or respond: the same permission the server checks (setIncidentRole).
  const candidates = members.filter((m) => can(m.role, "incident:edit"));
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
                <span className="truncate font-medium" data-testid={`role-${role}`}>{holder?.name ?? <span className="font-normal text-ink-faint">—</span>}</span>
                {commands ? (
                  <select
                    aria-label={role === "commander" ? "Hand over command to" : `Set ${label.toLowerCase()}`}
                    className={pickerClass}
                    value=""
                    disabled={busy}
                    onChange={(e) => {
                      const userId = e.target.value === "none" ? null : e.target.value;
                      if (role === "commander" && userId && !window.confirm(`Hand command of ${incident.ref} to ${members.find((m) => m.id === userId)?.name}?`)) return;
                      void run("/roles", "POST", { role, userId });
                    }}
                  >
                    <option value="">{role === "commander" ? "Hand over" : "Assign"}</option>
                    {candidates.filter((m) => m.id !== holder?.id).map((m) => (
                      <option key={m.id} value={m.id}>{m.name}</option>
                    ))}
                    {role !== "commander" && holder ? <option value="none">Nobody</option> : null}
                  </select>
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
                <Button size="sm" variant="ghost" className="h-6 px-2 text-xs" disabled={busy} aria-label={`Remove ${r.name} as responder`} onClick={() => void run(`/responders/${r.id}`, "DELETE")}>
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
        <div className="flex flex-wrap items-center gap-2">
          {can(viewer.role, "incident:edit") && !isResponder ? (
            <Button size="sm" variant="secondary" className="h-7" disabled={busy} onClick={() => void run("/responders", "POST", { userId: viewer.userId })}>
              Join as responder
            </Button>
          ) : null}
          {commands ? (
            <select
              aria-label="Add a responder"
              className={pickerClass}
              value=""
              disabled={busy}
              onChange={(e) => e.target.value && void run("/responders", "POST", { userId: e.target.value })}
            >
              <option value="">Add responder…</option>
              {candidates.filter((m) => !incident.responders.some((r) => r.id === m.id)).map((m) => (
                <option key={m.id} value={m.id}>{m.name}</option>
              ))}
            </select>
          ) : null}
        </div>
      </div>
    </PanelSection>
  );
}
