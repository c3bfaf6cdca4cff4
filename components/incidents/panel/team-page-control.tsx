"use client";
import { useState } from "react";
import type { PageDto } from "@/lib/paging/page-dto.ts";
import { PAGING_KIND_LABELS } from "@/lib/paging/constants.ts";
import { apiRequest } from "../../api/api-client.ts";
import { Timestamp } from "../../time/timestamp.tsx";
import { Button } from "../../ui/button.tsx";

interface Props {
  incidentId: string;
  team: { id: string; name: string };
  page: PageDto | null;
  /** The team has a paging route and the viewer may post. */
  canPage: boolean;
  onChanged: () => void;
}

const small = "h-6 px-2 text-xs";

/** Page a team from the room, see the page's state (refused, waiting, escalated) and escalate. */
export function TeamPageControl({ incidentId, team, page, canPage, onChanged }: Props) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ message: string; canEscalate: boolean } | null>(null);

  async function send(escalate: boolean) {
    setBusy(true);
    const res = await apiRequest<{ page: PageDto }>(`/api/incidents/${incidentId}/pages`, {
      method: "POST",
      body: { teamId: team.id, reason, escalate },
    });
    setBusy(false);
    if (res.ok) {
      setOpen(false);
      setReason("");
      setRefusal(null);
      onChanged();
      return;
    }
    setRefusal({ message: res.error.message, canEscalate: res.error.code === "conflict" && res.error.message.includes("escalate?") });
  }

  const vendor = page ? PAGING_KIND_LABELS[page.kind] : null;
  const isOpen = page?.status === "triggered";
  return (
    <div className="space-y-1 text-xs" data-testid={`page-${team.name}`}>
      {/* An acknowledged page is said once, by the team's notification state above. */}
      {page && (page.status === "triggered" || page.status === "failed") ? (
        <p className="text-ink-muted">
          {page.status === "failed" ? (
            <span className="font-medium text-sev1">{vendor} refused the page</span>
          ) : (
            <span className="text-warn">Paged via {vendor}, not acknowledged</span>
          )}
          {" · "}
          <Timestamp iso={page.pagedAt} />
          {page.escalations ? <> · escalated {page.escalations}×</> : null}
        </p>
      ) : null}
      {page?.lastError ? (
        <p role="alert" className="break-words text-sev1" data-testid="page-error">
          {vendor}: {page.lastError}
        </p>
      ) : null}
      {canPage && !open && page?.status !== "acknowledged" ? (
        <Button size="sm" variant={isOpen ? "ghost" : "secondary"} className={small} onClick={() => setOpen(true)}>
          {page && page.status !== "resolved" ? "Page again…" : "Page…"}
        </Button>
      ) : null}
      {open ? (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void send(false);
          }}
        >
          <input
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
            placeholder="Why (the on-call reads this first)"
            aria-label={`Why page ${team.name}`}
            className="h-7 min-w-0 flex-1 rounded border border-line bg-canvas px-2 text-xs text-ink"
          />
          <Button size="sm" type="submit" variant="danger" className="h-7 px-2 text-xs" disabled={busy}>
            Send page
          </Button>
          <Button
            size="sm"
            variant="ghost"
            className="h-7 px-2 text-xs"
            onClick={() => {
              setOpen(false);
              setRefusal(null);
            }}
          >
            Cancel
          </Button>
        </form>
      ) : null}
      {refusal ? (
        <div role="alert" className="flex flex-wrap items-center gap-2 text-warn">
          <span>{refusal.message}</span>
          {refusal.canEscalate ? (
            <Button size="sm" variant="danger" className={small} disabled={busy} onClick={() => void send(true)}>
              Escalate
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
