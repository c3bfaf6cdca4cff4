"use client";
import { useState } from "react";
import { can } from "@/lib/auth/permissions.ts";
import type { BlastRadiusDto } from "@/lib/incidents/get-blast-radius.ts";
import { channelLabel, toldSentence } from "@/lib/timeline/composer-input.ts";
import { NOTIFY_CHANNELS, type NotifyChannel } from "@/lib/vocabulary/timeline.ts";
import { canAmendEntry, canModerateTimeline } from "@/lib/timeline/entry-permissions.ts";
import { apiRequest } from "../../api/api-client.ts";
import { Timestamp } from "../../time/timestamp.tsx";
import { Button } from "../../ui/button.tsx";
import { useRoom } from "../room-context.ts";
import type { IncidentPagesDto } from "@/lib/paging/page-dto.ts";
import { TeamPageControl } from "./team-page-control.tsx";

type TeamRow = BlastRadiusDto["teams"][number];

/** One team to tell: why, whether it was told (by whom, when, how) and whether it answered. */
export function TeamNotifyRow({ row, onChanged, paging }: { row: TeamRow; onChanged: () => void; paging?: IncidentPagesDto | null }) {
  const { incident, viewer, post } = useRoom();
  const [telling, setTelling] = useState(false);
  const [channel, setChannel] = useState<NotifyChannel>("chat");
  const [error, setError] = useState<string | null>(null);
  const n = row.notification;
  const canPost = can(viewer.role, "timeline:post");
  const moderator = canModerateTimeline(viewer, { commanderId: incident.commander?.id ?? null });
  const canAck = n ? canAmendEntry(viewer, { kind: "notification", author: n.by }, moderator) : false;

  function markTold() {
    // The same record `/notify` writes (the server resolves both through resolveNotifiedTeam).
    post("notification", toldSentence(row.team.name, channel), undefined, {
      target: row.team.name,
      teamId: row.team.id,
      channel,
      acknowledgedAt: null,
    });
    setTelling(false);
  }

  async function markAcknowledged() {
    if (!n) return;
    const res = await apiRequest(`/api/incidents/${incident.id}/events/${n.seq}`, {
      method: "PATCH",
      body: { data: { ...n.data, acknowledgedAt: new Date().toISOString() } },
    });
    setError(res.ok ? null : res.error.message);
    if (res.ok) onChanged();
  }

  return (
    <li className="space-y-1" data-testid={`team-${row.team.name}`}>
      <p className="flex items-center justify-between gap-2">
        <span className="font-medium">{row.team.name}</span>
        {row.team.chatChannel ? <span className="font-mono text-xs text-ink-muted">{row.team.chatChannel}</span> : null}
      </p>
      {row.owns.length ? <p className="text-xs text-ink-muted">owns {row.owns.join(", ")}</p> : null}
      {row.affectedVia.slice(0, 3).map((v) => (
        <p key={v.service} className="text-xs text-ink-muted">
          {v.path.join(" → ")}
        </p>
      ))}
      {row.affectedVia.length > 3 ? <p className="text-xs text-ink-faint">and {row.affectedVia.length - 3} more of its services</p> : null}
      <div className="flex flex-wrap items-center gap-2 text-xs" data-testid="notify-state">
        {!n ? (
          <span className="font-medium text-warn">
            <span aria-hidden>○ </span>Not told yet
          </span>
        ) : n.acknowledgedAt ? (
          <span className="text-ok">
            <span aria-hidden>✓ </span>Acknowledged{typeof n.data.acknowledgedBy === "string" ? ` by ${n.data.acknowledgedBy}` : ""}{" "}
            <Timestamp iso={n.acknowledgedAt} />
          </span>
        ) : (
          <span className="text-ink">
            <span aria-hidden>✉ </span>Told by {n.by?.name ?? "someone"} via{" "}
            {(NOTIFY_CHANNELS as readonly string[]).includes(n.channel) ? channelLabel(n.channel as NotifyChannel) : n.channel},{" "}
            <Timestamp iso={n.at} />
          </span>
        )}
        {canPost && !n && !telling ? (
          <Button size="sm" variant="secondary" className="h-6 px-2 text-xs" onClick={() => setTelling(true)}>
            Mark told…
          </Button>
        ) : null}
        {n && !n.acknowledgedAt && canAck ? (
          <Button size="sm" variant="secondary" className="h-6 px-2 text-xs" onClick={() => void markAcknowledged()}>
            They acknowledged
          </Button>
        ) : null}
      </div>
      {telling ? (
        <div className="flex flex-wrap items-center gap-2 text-xs">
          <label className="flex items-center gap-1">
            via
            <select
              value={channel}
              onChange={(e) => setChannel(e.target.value as NotifyChannel)}
              className="h-7 rounded border border-line bg-canvas px-1 text-xs text-ink"
              aria-label={`How ${row.team.name} was told`}
            >
              {NOTIFY_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {channelLabel(c)}
                </option>
              ))}
            </select>
          </label>
          <Button size="sm" className="h-7 px-2 text-xs" onClick={markTold}>
            Record
          </Button>
          <Button size="sm" variant="ghost" className="h-7 px-2 text-xs" onClick={() => setTelling(false)}>
            Cancel
          </Button>
        </div>
      ) : null}
      {paging ? (
        <TeamPageControl
          incidentId={incident.id}
          team={row.team}
          page={paging.pages.find((p) => p.team.id === row.team.id) ?? null}
          canPage={canPost && paging.pageableTeamIds.includes(row.team.id)}
          onChanged={onChanged}
        />
      ) : null}
      {error ? (
        <p role="alert" className="text-xs text-sev1">
          {error}
        </p>
      ) : null}
    </li>
  );
}
