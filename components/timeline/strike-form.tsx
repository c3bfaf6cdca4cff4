"use client";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "../ui/button.tsx";

/** Asks why before striking an entry through: the reason stays beside it for everyone. */
export function StrikeForm({
  seq,
  busy,
  error,
  onStrike,
  onCancel,
}: {
  seq: number;
  busy: boolean;
  error: string | null;
  onStrike: (reason: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const shown = missing ? "Say why, so the room knows what to ignore." : error;
  return (
    <form
      className="flex flex-wrap items-center gap-2 rounded-md border border-line-strong bg-canvas/60 p-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) return setMissing(true);
        onStrike(reason.trim());
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") onCancel();
      }}
    >
      <label htmlFor={id} className="text-xs font-medium text-ink">
        Why strike #{seq} through?
      </label>
      <input
        id={id}
        ref={input}
        value={reason}
        maxLength={500}
        onChange={(e) => {
          setReason(e.target.value);
          setMissing(false);
        }}
        placeholder="e.g. duplicate of #12, wrong incident"
        aria-invalid={Boolean(shown)}
        aria-describedby={shown ? `${id}-error` : undefined}
        className="h-8 min-w-0 flex-1 basis-48 rounded-md border border-line bg-canvas px-2 text-sm text-ink placeholder:text-ink-faint focus:border-accent focus:outline-none aria-[invalid=true]:border-bad"
      />
      <Button type="submit" size="sm" variant="secondary" disabled={busy}>
        {busy ? "Striking…" : "Strike through"}
      </Button>
      <Button size="sm" variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
      {shown ? (
        <p id={`${id}-error`} role="alert" className="basis-full text-xs font-medium text-bad">
          {shown}
        </p>
      ) : null}
    </form>
  );
}
