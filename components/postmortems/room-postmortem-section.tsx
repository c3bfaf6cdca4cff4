"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { can } from "@/lib/auth/permissions.ts";
import type { PostmortemDto } from "@/lib/postmortems/postmortem-dto.ts";
import { apiRequest } from "../api/api-client.ts";
import { PanelSection } from "../incidents/panel/panel-section.tsx";
import { useRoom } from "../incidents/room-context.ts";
import { Button, buttonClasses } from "../ui/button.tsx";
import { PostmortemStatusBadge } from "./postmortem-status-badge.tsx";

type Known = { state: "loading" } | { state: "none" } | { state: "exists"; postmortem: Pick<PostmortemDto, "id" | "status"> };

/** Once an incident is resolved, the room offers its post-mortem: draft it, or open it. */
export function RoomPostmortemSection() {
  const { incident, viewer } = useRoom();
  const router = useRouter();
  const [known, setKnown] = useState<Known>({ state: "loading" });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const resolved = incident.status === "resolved";

  useEffect(() => {
    if (!resolved) return;
    let cancelled = false;
    void apiRequest<PostmortemDto>(`/api/incidents/${incident.id}/postmortem`).then((res) => {
      if (cancelled) return;
      setKnown(res.ok ? { state: "exists", postmortem: res.data } : { state: "none" });
    });
    return () => {
      cancelled = true;
    };
  }, [incident.id, resolved]);

  if (!resolved) return null;

  async function draft() {
    setBusy(true);
    setError(null);
    const res = await apiRequest<PostmortemDto>(`/api/incidents/${incident.id}/postmortem`, { method: "POST", body: {} });
    setBusy(false);
    if (res.ok) router.push(`/postmortems/${res.data.id}`);
    else setError(res.error.message);
  }

  return (
    <PanelSection title="Post-mortem">
      {known.state === "exists" ? (
        <div className="flex items-center gap-2">
          <Link href={`/postmortems/${known.postmortem.id}`} className={buttonClasses("primary", "sm")}>
            Open post-mortem
          </Link>
          <PostmortemStatusBadge status={known.postmortem.status} />
        </div>
      ) : known.state === "none" && can(viewer.role, "postmortem:write") ? (
        <div className="space-y-1.5">
          <p className="text-ink-muted">
            Resolved. Draft the blameless review while the room remembers: key times, impact, who was told and the pinned moments are filled
            in for you.
          </p>
          <Button size="sm" disabled={busy} onClick={() => void draft()}>
            {busy ? "Drafting…" : "Draft post-mortem"}
          </Button>
        </div>
      ) : known.state === "none" ? (
        <p className="text-ink-muted">No post-mortem has been drafted yet.</p>
      ) : (
        <p className="text-ink-muted">Checking…</p>
      )}
      {error ? (
        <p role="alert" className="text-sm font-medium text-sev1">
          {error}
        </p>
      ) : null}
    </PanelSection>
  );
}
