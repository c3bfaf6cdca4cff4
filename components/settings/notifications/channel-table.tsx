"use client";
import type { ChannelDto } from "@/lib/outbound/channel-dto.ts";
import { OUTBOUND_EVENT_LABELS, OUTBOUND_EVENTS, OUTBOUND_KIND_LABELS } from "@/lib/outbound/events.ts";
import type { DeliveryDto } from "@/lib/outbound/delivery-dto.ts";
import { Timestamp } from "../../time/timestamp.tsx";
import { ChannelRowActions } from "./channel-row-actions.tsx";

interface Props {
  channels: ChannelDto[];
  onEdit: (id: string) => void;
  onTested: (delivery: DeliveryDto) => void;
  onSecret: (channel: ChannelDto, secret: string) => void;
  onDeleted: (id: string) => void;
}

function eventsSummary(events: ChannelDto["events"]): string {
  if (events.length === OUTBOUND_EVENTS.length) return "All events";
  return events.map((e) => OUTBOUND_EVENT_LABELS[e]).join(", ");
}

export function ChannelTable({ channels, ...actions }: Props) {
  if (!channels.length) {
    return (
      <div className="rounded-lg border border-dashed border-line p-8 text-center">
        <p className="font-medium">No notification channels yet.</p>
        <p className="mt-1 text-sm text-ink-muted">
          Add a Slack or Teams webhook and everyone watching that channel hears when an incident is declared, changes severity or status,
          changes hands, or is resolved, with a link back to the room. Point a team&apos;s own channel at incidents that involve that team.
        </p>
      </div>
    );
  }
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line">
      <table className="w-full text-left text-sm" aria-label="Notification channels">
        <thead className="bg-surface text-xs uppercase tracking-wide text-ink-faint">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              Channel
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Sends
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Events
            </th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">
              Delivered · failed
            </th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {channels.map((c) => (
            <tr key={c.id} className="border-t border-line align-top" data-testid="channel-row">
              <td className="px-3 py-2">
                <p className="font-medium text-ink">
                  {c.name}
                  {c.isEnabled ? null : (
                    <span className="ml-2 rounded border border-line px-1.5 py-0.5 text-xs font-normal text-ink-muted">⏸ Paused</span>
                  )}
                  {c.acceptsDrills ? (
                    <span className="ml-2 rounded border border-line px-1.5 py-0.5 text-xs font-normal text-ink-muted">Hears drills</span>
                  ) : null}
                </p>
                <p className="text-xs text-ink-muted">
                  {OUTBOUND_KIND_LABELS[c.kind]} · <span className="font-mono">{c.urlPreview}</span>
                </p>
              </td>
              <td className="px-3 py-2">
                {c.team ? <>Incidents involving {c.team.name}</> : <span className="text-ink-muted">Every incident</span>}
              </td>
              <td className="max-w-[22rem] px-3 py-2 text-ink-muted">{eventsSummary(c.events)}</td>
              <td className="tabular whitespace-nowrap px-3 py-2 text-right">
                <span>{c.stats?.delivered ?? 0}</span> ·{" "}
                <span className={c.stats?.failed ? "text-bad" : "text-ink-muted"}>{c.stats?.failed ?? 0}</span>
                {c.stats?.lastDeliveredAt ? (
                  <p className="text-xs text-ink-muted">
                    last <Timestamp iso={c.stats.lastDeliveredAt} />
                  </p>
                ) : null}
              </td>
              <td className="px-3 py-2">
                <ChannelRowActions
                  channel={c}
                  onEdit={() => actions.onEdit(c.id)}
                  onTested={actions.onTested}
                  onSecret={actions.onSecret}
                  onDeleted={actions.onDeleted}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
