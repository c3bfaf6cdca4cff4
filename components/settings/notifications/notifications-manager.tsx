"use client";
import { useState } from "react";
import type { ChannelDto } from "@/lib/outbound/channel-dto.ts";
import type { DeliveryDto } from "@/lib/outbound/delivery-dto.ts";
import { Button } from "../../ui/button.tsx";
import { Kbd } from "../../ui/kbd.tsx";
import { useShortcut } from "../../ui/use-shortcut.ts";
import { ChannelForm } from "./channel-form.tsx";
import { ChannelTable } from "./channel-table.tsx";
import { DeliveryLog } from "./delivery-log.tsx";
import { SigningSecretNotice } from "./signing-secret-notice.tsx";

interface Props {
  initialChannels: ChannelDto[];
  initialDeliveries: { deliveries: DeliveryDto[]; hasMore: boolean };
  teams: { id: string; name: string }[];
  maxAttempts: number;
}

export function NotificationsManager({ initialChannels, initialDeliveries, teams, maxAttempts }: Props) {
  const [channels, setChannels] = useState(initialChannels);
  const [editing, setEditing] = useState<"new" | string | null>(null);
  const [fresh, setFresh] = useState<{ name: string; secret: string } | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const editingChannel = editing && editing !== "new" ? (channels.find((c) => c.id === editing) ?? null) : null;

  useShortcut("n", () => setEditing("new"));

  const upsert = (channel: ChannelDto) =>
    setChannels((list) => {
      const kept = list.find((c) => c.id === channel.id);
      const next = kept ? list.map((c) => (c.id === channel.id ? { ...channel, stats: c.stats } : c)) : [...list, channel];
      return next.sort((a, b) => a.name.localeCompare(b.name));
    });

  return (
    <div className="space-y-8">
      <section className="space-y-4" aria-labelledby="channels-title">
        <div className="flex flex-wrap items-end gap-3">
          <div className="mr-auto max-w-3xl space-y-1">
            <h2 id="channels-title" className="text-lg font-semibold">
              Notification channels
            </h2>
            <p className="text-sm text-ink-muted">
              Tell people outside the room: Slack, Microsoft Teams or any tool through a signed webhook. Messages are queued with the change
              itself and sent in the background, so a slow or failing destination never holds up the room.
            </p>
          </div>
          {editing === "new" ? null : (
            <Button onClick={() => setEditing("new")}>
              Add channel <Kbd>N</Kbd>
            </Button>
          )}
        </div>
        {fresh ? <SigningSecretNotice channelName={fresh.name} secret={fresh.secret} onDismiss={() => setFresh(null)} /> : null}
        {editing === "new" || editingChannel ? (
          <ChannelForm
            key={editing}
            channel={editingChannel}
            teams={teams}
            onCancel={() => setEditing(null)}
            onSaved={({ channel, secret }) => {
              upsert(channel);
              setEditing(null);
              if (secret) setFresh({ name: channel.name, secret });
            }}
          />
        ) : null}
        <ChannelTable
          channels={channels}
          onEdit={(id) => setEditing(id)}
          onTested={() => setReloadKey((k) => k + 1)}
          onSecret={(channel, secret) => {
            upsert(channel);
            setFresh({ name: channel.name, secret });
            window.scrollTo({ top: 0 });
          }}
          onDeleted={(id) => {
            setChannels((list) => list.filter((c) => c.id !== id));
            if (editing === id) setEditing(null);
            setReloadKey((k) => k + 1);
          }}
        />
      </section>
      <DeliveryLog initial={initialDeliveries} channels={channels} maxAttempts={maxAttempts} reloadKey={reloadKey} />
    </div>
  );
}
