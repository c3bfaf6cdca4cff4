"use client";
import { useEffect, type ReactNode } from "react";
import { Button } from "../ui/button.tsx";

interface Props {
  question: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId: string;
}

/**
 * A change picked in a header control waits here until it is confirmed: a select moves with the
 * arrow keys, and a key press while tabbing past must never re-open or resolve an incident.
 * Escape (or Cancel) puts the control back.
 */
export function ConfirmChange({ question, confirmLabel, danger, busy, onConfirm, onCancel, testId }: Props) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onCancel();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onCancel]);
  return (
    <div
      role="group"
      aria-label="Confirm the change"
      data-testid={testId}
      className="absolute top-full left-0 z-30 mt-1 w-[min(22rem,calc(100vw-2rem))] space-y-2 rounded-md border border-line-strong bg-surface p-3 text-sm font-normal text-ink shadow-2xl"
    >
      <p>{question}</p>
      <div className="flex gap-2">
        <Button size="sm" variant={danger ? "danger" : "primary"} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
