"use client";
import Link from "next/link";
import { useState } from "react";
import { apiRequest } from "@/components/api/api-client.ts";
import { Button } from "@/components/ui/button.tsx";
import type { SuggestedAction } from "@/lib/drill-reports/report-types.ts";

type State = { kind: "idle" } | { kind: "saving" } | { kind: "done"; postmortemId: string } | { kind: "failed"; message: string };

/**
 * One click turns a suggestion into a follow-up, through the existing write paths: the practice
 * incident's post-mortem (drafted once, returned after) and its action items.
 */
async function createActionItem(incidentId: string, action: SuggestedAction): Promise<State> {
  const postmortem = await apiRequest<{ id: string }>(`/api/incidents/${incidentId}/postmortem`, { method: "POST", body: {} });
  if (!postmortem.ok) return { kind: "failed", message: postmortem.error.message };
  const item = await apiRequest<{ id: string }>(`/api/postmortems/${postmortem.data.id}/action-items`, {
    method: "POST",
    body: {
      title: action.title,
      description: action.description,
      priority: action.priority,
      ...(action.ownerTeamId ? { ownerTeamId: action.ownerTeamId } : {}),
    },
  });
  return item.ok ? { kind: "done", postmortemId: postmortem.data.id } : { kind: "failed", message: item.error.message };
}

export function SuggestedActions({
  actions,
  incidentId,
  canCreate,
}: {
  actions: SuggestedAction[];
  incidentId: string | null;
  canCreate: boolean;
}) {
  const [states, setStates] = useState<Record<string, State>>({});
  if (actions.length === 0) return <p className="text-sm text-ink-muted">Nothing to follow up: every step was in time.</p>;
  const create = async (action: SuggestedAction) => {
    if (!incidentId) return;
    setStates((s) => ({ ...s, [action.key]: { kind: "saving" } }));
    const next = await createActionItem(incidentId, action);
    setStates((s) => ({ ...s, [action.key]: next }));
  };
  return (
    <ul className="space-y-2" data-testid="drill-actions">
      {actions.map((a) => {
        const state = states[a.key] ?? { kind: "idle" };
        return (
          <li
            key={a.key}
            className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-line bg-surface p-3 text-sm"
          >
            <div className="min-w-0">
              <p className="font-medium break-words">{a.title}</p>
              <p className="text-xs text-ink-muted">
                {a.description} Priority {a.priority}.
              </p>
            </div>
            {state.kind === "done" ? (
              <Link href={`/postmortems/${state.postmortemId}`} className="text-ok underline-offset-2 hover:underline">
                <span aria-hidden>✓ </span>Action item created
              </Link>
            ) : canCreate && incidentId ? (
              <Button
                size="sm"
                variant="secondary"
                disabled={state.kind === "saving"}
                onClick={() => void create(a)}
                aria-label={`Create action item: ${a.title}`}
              >
                {state.kind === "saving" ? "Creating…" : "Create action item"}
              </Button>
            ) : null}
            {state.kind === "failed" ? (
              <p role="alert" className="w-full text-bad">
                {state.message}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
