"use client";
import { useState } from "react";
import { can } from "@/lib/auth/permissions.ts";
import { Button } from "../../ui/button.tsx";
import { useRoom } from "../room-context.ts";
import { PanelSection } from "./panel-section.tsx";

/** Which services are hurting, with their owning team; writers pick them from the catalog. */
export function ServicesSection() {
  const { incident, viewer, services, run, busy } = useRoom();
  const [editing, setEditing] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const canEdit = can(viewer.role, "incident:edit");

  function start() {
    setSelected(incident.services.map((s) => s.id));
    setEditing(true);
  }

  async function save() {
    if (await run("/services", "PUT", { serviceIds: selected })) setEditing(false);
  }

  return (
    <PanelSection
      title={`Impacted services (${incident.services.length})`}
      action={
        canEdit && !editing ? (
          <Button size="sm" variant="ghost" className="h-6 px-2 text-xs" aria-label="Edit impacted services" onClick={start}>
            Edit
          </Button>
        ) : null
      }
    >
      {editing ? (
        <fieldset className="space-y-2">
          <legend className="sr-only">Impacted services</legend>
          <div className="max-h-64 space-y-1 overflow-y-auto rounded border border-line p-2">
            {services.map((s) => (
              <label key={s.id} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  className="size-4 [color-scheme:light]"
                  checked={selected.includes(s.id)}
                  onChange={(e) => setSelected((cur) => (e.target.checked ? [...cur, s.id] : cur.filter((id) => id !== s.id)))}
                />
                <span className="flex-1">{s.name}</span>
                <span className="text-xs text-ink-muted">{s.team.name}</span>
              </label>
            ))}
          </div>
          <div className="flex gap-2">
            <Button size="sm" className="h-7" disabled={busy} onClick={() => void save()}>
              Save
            </Button>
            <Button size="sm" variant="ghost" className="h-7" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </fieldset>
      ) : incident.services.length === 0 ? (
        <p className="text-ink-faint">None marked yet. Mark what is failing so owners can be found.</p>
      ) : (
        <ul className="space-y-1" data-testid="impacted-services">
          {incident.services.map((s) => (
            <li key={s.id} className="flex items-center justify-between gap-2">
              <span className="font-medium">{s.name}</span>
              <span className="text-xs text-ink-muted">
                {s.team.name} · tier {s.tier}
              </span>
            </li>
          ))}
        </ul>
      )}
    </PanelSection>
  );
}
