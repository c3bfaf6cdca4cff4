"use client";
import { canCommand, can } from "@/lib/auth/permissions.ts";
import { InlineEdit } from "../../ui/inline-edit.tsx";
import { useRoom } from "../room-context.ts";
import { PanelSection } from "./panel-section.tsx";

/** What customers are told, what happened in short, and tags for finding it later. */
export function DetailsSection() {
  const { incident, viewer, run } = useRoom();
  const commands = canCommand(viewer, { commanderId: incident.commander?.id ?? null });
  const canWrite = can(viewer.role, "incident:edit");
  return (
    <>
      <PanelSection title="Customer-facing status">
        <InlineEdit
          label="customer-facing status"
          value={incident.customerStatus}
          canEdit={commands || incident.commsLead?.id === viewer.userId}
          maxLength={280}
          placeholder="e.g. Card payments may fail; please retry in a few minutes"
          display={
            incident.customerStatus ? <p className="text-ink">{incident.customerStatus}</p> : <p className="text-ink-faint">Not set.</p>
          }
          onSave={(value) => run("", "PATCH", { customerStatus: value })}
        />
      </PanelSection>
      <PanelSection title="Summary">
        <InlineEdit
          label="summary"
          value={incident.summary}
          canEdit={canWrite}
          multiline
          maxLength={5000}
          display={
            <p className="whitespace-pre-wrap text-ink">{incident.summary || <span className="text-ink-faint">No summary yet.</span>}</p>
          }
          onSave={(value) => run("", "PATCH", { summary: value })}
        />
      </PanelSection>
      <PanelSection title="Tags">
        <InlineEdit
          label="tags (comma-separated)"
          value={incident.tags.join(", ")}
          canEdit={canWrite}
          placeholder="black-friday, psp, checkout"
          display={
            incident.tags.length ? (
              <ul className="flex flex-wrap gap-1.5">
                {incident.tags.map((t) => (
                  <li key={t} className="rounded border border-line px-1.5 py-0.5 font-mono text-xs text-ink-muted">
                    #{t}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-ink-faint">No tags.</p>
            )
          }
          onSave={(value) =>
            run("", "PATCH", {
              tags: value
                .split(",")
                .map((t) => t.trim())
                .filter(Boolean),
            })
          }
        />
      </PanelSection>
    </>
  );
}
