"use client";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { MAX_BODY_LENGTH, NOTIFY_CHANNELS, type NotifyChannel } from "@/lib/vocabulary/timeline.ts";
import { channelLabel, isNotifyChannel } from "@/lib/timeline/composer-input.ts";
import type { TimelineEventDto } from "@/lib/timeline/event-dto.ts";
import { Button } from "../ui/button.tsx";
import type { EntryPatch } from "./use-incident-room.ts";

const control = "rounded-md border border-line bg-canvas px-2 text-sm text-ink focus:border-accent focus:outline-none";

/** Inline correction of an entry: its words and, for notifications and links, their fields. */
export function EntryEditor({
  event,
  busy,
  error,
  onSave,
  onCancel,
}: {
  event: TimelineEventDto;
  busy: boolean;
  error: string | null;
  onSave: (patch: EntryPatch) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [body, setBody] = useState(event.body);
  const [target, setTarget] = useState(typeof event.data?.target === "string" ? event.data.target : "");
  const [channel, setChannel] = useState<NotifyChannel>(isNotifyChannel(event.data?.channel) ? event.data.channel : "chat");
  const [url, setUrl] = useState(typeof event.data?.url === "string" ? event.data.url : "");
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.setSelectionRange(input.current.value.length, input.current.value.length);
  }, []);

  function save() {
    const patch: EntryPatch = {};
    if (body.trim() !== event.body) patch.body = body;
    if (event.kind === "notification") patch.data = { target, channel };
    if (event.kind === "link") patch.data = { url: url.trim() };
    if (patch.body === undefined && patch.data === undefined) return onCancel();
    onSave(patch);
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === "Escape") {
      e.preventDefault();
      onCancel();
    }
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing && e.target instanceof HTMLTextAreaElement) {
      e.preventDefault();
      save();
    }
  }

  return (
    <form
      className="space-y-2 rounded-md border border-line-strong bg-canvas/60 p-2"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={onKeyDown}
      aria-label={`Correct entry #${event.seq}`}
    >
      <label htmlFor={`${id}-body`} className="sr-only">
        Text of entry #{event.seq}
      </label>
      <textarea
        id={`${id}-body`}
        ref={input}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={Math.min(6, Math.max(2, body.split("\n").length))}
        maxLength={MAX_BODY_LENGTH}
        aria-invalid={Boolean(error)}
        className={`${control} w-full resize-y py-1.5`}
      />
      {event.kind === "notification" ? (
        <div className="flex flex-wrap gap-2 text-xs text-ink-muted">
          <label className="flex items-center gap-1.5">
            To
            <input value={target} onChange={(e) => setTarget(e.target.value)} className={`${control} h-8 w-48`} />
          </label>
          <label className="flex items-center gap-1.5">
            By
            <select value={channel} onChange={(e) => setChannel(e.target.value as NotifyChannel)} className={`${control} h-8`}>
              {NOTIFY_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {channelLabel(c)}
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : null}
      {event.kind === "link" ? (
        <label className="flex items-center gap-1.5 text-xs text-ink-muted">
          URL
          <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} className={`${control} h-8 min-w-0 flex-1`} />
        </label>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" size="sm" disabled={busy}>
          {busy ? "Saving…" : "Save correction"}
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <span className="text-xs text-ink-faint">The earlier version stays in the history.</span>
        {error ? (
          <span role="alert" className="text-xs font-medium text-bad">
            {error}
          </span>
        ) : null}
      </div>
    </form>
  );
}
