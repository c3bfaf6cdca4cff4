"use client";
import { useState } from "react";
import type { ChannelDto } from "@/lib/outbound/channel-dto.ts";
import type { DeliveryDto } from "@/lib/outbound/delivery-dto.ts";
import { apiRequest, type ApiResult } from "../../api/api-client.ts";
import { Button } from "../../ui/button.tsx";

interface Props {
  channel: ChannelDto;
  onEdit: () => void;
  onTested: (delivery: DeliveryDto) => void;
  onSecret: (channel: ChannelDto, secret: string) => void;
  onDeleted: (id: string) => void;
}

/** Test, edit, rotate and delete; the destructive ones confirm first. */
export function ChannelRowActions({ channel, onEdit, onTested, onSecret, onDeleted }: Props) {
  const [confirming, setConfirming] = useState<"rotate" | "delete" | null>(null);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const path = `/api/notification-channels/${channel.id}`;

  async function run<T>(request: Promise<ApiResult<T>>, then: (data: T) => void) {
    setIsBusy(true);
    const res = await request;
    setIsBusy(false);
    setConfirming(null);
    if (!res.ok) return setMessage({ text: res.error.message, isError: true });
    then(res.data);
  }

  const test = () =>
    run<{ delivery: DeliveryDto }>(apiRequest(`${path}/test`, { method: "POST" }), ({ delivery }) => {
      setMessage({ text: "Test message queued: see the delivery log below.", isError: false });
      onTested(delivery);
    });
  const rotate = () =>
    run<{ channel: ChannelDto; secret: string | null }>(apiRequest(path, { method: "PATCH", body: { rotateSecret: true } }), (data) => {
      if (data.secret) onSecret(data.channel, data.secret);
    });
  const remove = () => run<{ deleted: { id: string } }>(apiRequest(path, { method: "DELETE" }), (data) => onDeleted(data.deleted.id));

  if (confirming) {
    const isDelete = confirming === "delete";
    return (
      <div
        role="alertdialog"
        aria-label={isDelete ? `Delete ${channel.name}?` : "Rotate the signing secret?"}
        className={`flex flex-wrap items-center justify-end gap-2 rounded-md border p-2 text-sm ${isDelete ? "border-sev1/50 bg-sev1/10" : "border-warn/50 bg-warn/10"}`}
      >
        <span>{isDelete ? "Its delivery log goes too. Delete?" : "The current secret stops verifying at once. Rotate?"}</span>
        <Button size="sm" variant={isDelete ? "danger" : "primary"} disabled={isBusy} onClick={() => void (isDelete ? remove() : rotate())}>
          {isDelete ? "Delete" : "Rotate now"}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>
          Cancel
        </Button>
      </div>
    );
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-1">
        <Button
          size="sm"
          variant="secondary"
          disabled={isBusy}
          onClick={() => void test()}
          aria-label={`Send a test message to ${channel.name}`}
        >
          Send test
        </Button>
        <Button size="sm" variant="ghost" onClick={onEdit} aria-label={`Edit ${channel.name}`}>
          Edit
        </Button>
        {channel.kind === "webhook" ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => setConfirming("rotate")}
            aria-label={`Rotate the signing secret of ${channel.name}`}
          >
            Rotate secret…
          </Button>
        ) : null}
        <Button size="sm" variant="ghost" onClick={() => setConfirming("delete")} aria-label={`Delete ${channel.name}`}>
          Delete…
        </Button>
      </div>
      {message ? (
        <p role={message.isError ? "alert" : "status"} className={`text-xs ${message.isError ? "text-sev1" : "text-ink-muted"}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
