"use client";
import { formatDateTime, formatRelative, formatTime } from "@/lib/time/format.ts";
import { useNow } from "./use-now.ts";

/** Absolute time in the viewer's zone with the relative time beside it: "14:02:11 · 4 min ago". */
export function Timestamp({ iso, withDate = false, className }: { iso: string; withDate?: boolean; className?: string }) {
  const now = useNow(30_000);
  const date = new Date(iso);
  if (!now) return <time dateTime={iso} className={className}>&nbsp;</time>;
  return (
    <time dateTime={iso} title={formatDateTime(date)} className={className}>
      <span className="tabular">{withDate ? formatDateTime(date) : formatTime(date)}</span>
      <span className="whitespace-nowrap text-ink-faint"> · {formatRelative(date, now)}</span>
    </time>
  );
}
