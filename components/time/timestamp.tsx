"use client";
import { formatClock, formatDateTime, formatRelative } from "@/lib/time/format.ts";
import { useTimeZone } from "./time-zone.tsx";
import { useNow } from "./use-now.ts";

/**
 * Absolute time with its zone named and the relative time beside it: "14:02:11 CET · 4 min ago".
 * The zone is the viewer's, or the organisation's when they chose so (one policy: useTimeZone).
 */
export function Timestamp({
  iso,
  withDate = false,
  withSeconds = false,
  className,
}: {
  iso: string;
  withDate?: boolean;
  withSeconds?: boolean;
  className?: string;
}) {
  const now = useNow(30_000);
  const { timeZone } = useTimeZone();
  const date = new Date(iso);
  if (!now)
    return (
      <time dateTime={iso} className={className}>
        &nbsp;
      </time>
    );
  return (
    <time dateTime={iso} title={formatDateTime(date, timeZone, true)} className={className} data-zoned="">
      <span className="tabular">
        <KeepZone text={withDate ? formatDateTime(date, timeZone, withSeconds) : formatClock(date, timeZone)} />
      </span>
      <span className="whitespace-nowrap text-ink-faint"> · {formatRelative(date, now)}</span>
    </time>
  );
}

/** A date and time with its zone and nothing relative ("10 Dec, 11:14 CET"), in the one policy's zone. */
export function ZonedDateTime({ iso, withSeconds = false, className }: { iso: string; withSeconds?: boolean; className?: string }) {
  const { timeZone } = useTimeZone();
  const now = useNow(60_000);
  // The viewer's zone is only known in the browser: render nothing zoned on the server.
  if (!now)
    return (
      <time dateTime={iso} className={className}>
        &nbsp;
      </time>
    );
  return (
    <time dateTime={iso} className={className} data-zoned="">
      <KeepZone text={formatDateTime(new Date(iso), timeZone, withSeconds)} />
    </time>
  );
}

/** "3 Dec, 07:08 GMT-5" wraps before the zone, never inside it ("GMT-" / "5"). */
function KeepZone({ text }: { text: string }) {
  const cut = text.lastIndexOf(" ");
  if (cut < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, cut + 1)}
      <span className="whitespace-nowrap">{text.slice(cut + 1)}</span>
    </>
  );
}
