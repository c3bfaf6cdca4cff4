"use client";
import { useState, type FormEvent } from "react";
import type { ChannelDto } from "@/lib/outbound/channel-dto.ts";
import {
  OUTBOUND_EVENT_LABELS,
  OUTBOUND_EVENTS,
  OUTBOUND_KIND_LABELS,
  OUTBOUND_KINDS,
  type OutboundEvent,
  type OutboundKindName,
} from "@/lib/outbound/events.ts";
import { useApiSubmit } from "../../api/use-api-submit.ts";
import { Button } from "../../ui/button.tsx";
import { Field, Input, Select } from "../../ui/field.tsx";

const URL_HINT: Record<OutboundKindName, string> = {
  slack: "Slack → Apps → Incoming Webhooks → Add to a channel. Mattermost's incoming webhooks take the same format.",
  teams: "Teams → the channel's Workflows → “Post to a channel when a webhook request is received”, or an Incoming Webhook connector.",
  webhook: "Any tool: Warroom POSTs JSON signed with HMAC-SHA256. A signing secret is generated when you save.",
};

interface Props {
  channel: ChannelDto | null;
  teams: { id: string; name: string }[];
  onSaved: (saved: { channel: ChannelDto; secret: string | null }, isNew: boolean) => void;
  onCancel: () => void;
}

export function ChannelForm({ channel, teams, onSaved, onCancel }: Props) {
  const [kind, setKind] = useState<OutboundKindName>(channel?.kind ?? "slack");
  const [name, setName] = useState(channel?.name ?? "");
  const [url, setUrl] = useState(channel?.url ?? "");
  const [teamId, setTeamId] = useState(channel?.team?.id ?? "");
  const [events, setEvents] = useState<OutboundEvent[]>(channel?.events ?? [...OUTBOUND_EVENTS]);
  const [isEnabled, setIsEnabled] = useState(channel?.isEnabled ?? true);
  const [acceptsDrills, setAcceptsDrills] = useState(channel?.acceptsDrills ?? false);
  const { errors, failure, busy, send } = useApiSubmit();
  const prefix = channel ? `channel-${channel.id.slice(0, 8)}` : "channel-new";

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = { name, url, teamId: teamId || null, events, isEnabled, acceptsDrills };
    const saved = channel
      ? await send<{ channel: ChannelDto; secret: string | null }>(`/api/notification-channels/${channel.id}`, { method: "PATCH", body })
      : await send<{ channel: ChannelDto; secret: string | null }>("/api/notification-channels", {
          method: "POST",
          body: { ...body, kind },
        });
    if (saved) onSaved(saved, !channel);
  }

  const toggle = (event: OutboundEvent) =>
    setEvents((list) =>
      list.includes(event) ? list.filter((e) => e !== event) : OUTBOUND_EVENTS.filter((e) => e === event || list.includes(e)),
    );
  const invalid = (field: string) => ({
    "aria-invalid": Boolean(errors[field]),
    "aria-describedby": errors[field] ? `${prefix}-${field}-error` : undefined,
  });

  return (
    <form onSubmit={submit} className="space-y-4 rounded-lg border border-line bg-surface p-4" aria-labelledby={`${prefix}-title`}>
      <h3 id={`${prefix}-title`} className="font-semibold">
        {channel ? `Edit “${channel.name}”` : "Add a channel"}
      </h3>
      <div className="grid gap-4 md:grid-cols-[12rem_minmax(0,1fr)_14rem]">
        <Field label="Kind" htmlFor={`${prefix}-kind`}>
          <Select
            id={`${prefix}-kind`}
            value={kind}
            disabled={Boolean(channel)}
            onChange={(e) => setKind(e.target.value as OutboundKindName)}
          >
            {OUTBOUND_KINDS.map((k) => (
              <option key={k} value={k}>
                {OUTBOUND_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Name" htmlFor={`${prefix}-name`} error={errors.name}>
          <Input
            id={`${prefix}-name`}
            value={name}
            maxLength={80}
            placeholder="#incidents in Slack"
            onChange={(e) => setName(e.target.value)}
            {...invalid("name")}
          />
        </Field>
        <Field label="Sends" htmlFor={`${prefix}-teamId`} error={errors.teamId}>
          <Select id={`${prefix}-teamId`} value={teamId} onChange={(e) => setTeamId(e.target.value)} {...invalid("teamId")}>
            <option value="">Every incident (global)</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                Incidents involving {t.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label="Webhook URL" htmlFor={`${prefix}-url`} error={errors.url} hint={URL_HINT[kind]}>
        <Input
          id={`${prefix}-url`}
          value={url}
          type="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://hooks.slack.com/services/…"
          onChange={(e) => setUrl(e.target.value)}
          {...invalid("url")}
        />
      </Field>
      <fieldset aria-describedby={errors.events ? `${prefix}-events-error` : undefined}>
        <legend className="text-sm font-medium text-ink">Events</legend>
        <div className="mt-2 grid gap-x-4 gap-y-2 sm:grid-cols-2 lg:grid-cols-4">
          {OUTBOUND_EVENTS.map((event) => (
            <label key={event} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={events.includes(event)}
                onChange={() => toggle(event)}
                className="size-4 accent-[var(--color-accent)]"
              />
              {OUTBOUND_EVENT_LABELS[event]}
            </label>
          ))}
        </div>
        {errors.events ? (
          <p id={`${prefix}-events-error`} role="alert" className="mt-1 text-xs font-medium text-sev1">
            {errors.events}
          </p>
        ) : null}
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={isEnabled}
          onChange={(e) => setIsEnabled(e.target.checked)}
          className="size-4 accent-[var(--color-accent)]"
        />
        Enabled: send notifications to this channel
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={acceptsDrills}
          onChange={(e) => setAcceptsDrills(e.target.checked)}
          className="size-4 accent-[var(--color-accent)]"
        />
        Accepts drills: game-day practice incidents are posted here, marked [DRILL] (other channels never hear of them)
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : channel ? "Save changes" : "Add channel"}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        {failure ? (
          <p role="alert" className="text-sm text-sev1">
            {failure}
          </p>
        ) : null}
      </div>
    </form>
  );
}
