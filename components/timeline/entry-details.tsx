"use client";
import type { ReactNode } from "react";
import { ACTION_OUTCOMES, HYPOTHESIS_STATES, type ActionOutcome, type HypothesisState } from "@/lib/vocabulary/timeline.ts";
import { channelLabel, isNotifyChannel } from "@/lib/timeline/composer-input.ts";
import type { TimelineEventDto } from "@/lib/timeline/event-dto.ts";
import { Timestamp } from "../time/timestamp.tsx";
import { cn } from "../ui/cn.ts";
import { CheckIcon, CrossIcon } from "./icons.tsx";

interface Choice<V extends string> {
  value: V;
  label: string;
  icon: ReactNode;
  /** Classes when chosen: colour always comes with the icon and the word. */
  on: string;
}

const PENDING_DOT = <span aria-hidden className="inline-block size-2 rounded-full border border-current" />;

const OUTCOMES: Record<ActionOutcome, Choice<ActionOutcome>> = {
  pending: { value: "pending", label: "Pending", icon: PENDING_DOT, on: "bg-raised text-ink border-line-strong" },
  worked: { value: "worked", label: "Worked", icon: <CheckIcon />, on: "bg-ok/10 text-ok border-ok/50" },
  failed: { value: "failed", label: "Failed", icon: <CrossIcon />, on: "bg-bad/10 text-bad border-bad/50" },
};

const STATES: Record<HypothesisState, Choice<HypothesisState>> = {
  open: {
    value: "open",
    label: "Open",
    icon: (
      <span aria-hidden className="font-mono text-[11px] leading-none">
        ?
      </span>
    ),
    on: "bg-raised text-ink border-line-strong",
  },
  confirmed: { value: "confirmed", label: "Confirmed", icon: <CheckIcon />, on: "bg-ok/10 text-ok border-ok/50" },
  ruled_out: {
    value: "ruled_out",
    label: "Ruled out",
    icon: <CrossIcon />,
    on: "bg-raised text-ink-muted border-line-strong line-through",
  },
};

function Chip<V extends string>({ choice, testId }: { choice: Choice<V>; testId: string }) {
  return (
    <span
      data-testid={testId}
      data-value={choice.value}
      className={cn("inline-flex h-6 items-center gap-1 rounded border px-2 text-xs font-medium", choice.on)}
    >
      {choice.icon}
      {choice.label}
    </span>
  );
}

/** The current value as a chip; with the right to change it, a row of toggle buttons. */
function ChoiceGroup<V extends string>(props: {
  label: string;
  testId: string;
  choices: Choice<V>[];
  value: V;
  editable: boolean;
  busy: boolean;
  onChoose: (value: V) => void;
}) {
  const current = props.choices.find((c) => c.value === props.value) ?? props.choices[0];
  if (!current) return null;
  if (!props.editable) return <Chip choice={current} testId={props.testId} />;
  return (
    <div
      role="group"
      aria-label={props.label}
      data-testid={props.testId}
      data-value={current.value}
      className="inline-flex flex-wrap gap-1"
    >
      {props.choices.map((c) => {
        const chosen = c.value === props.value;
        return (
          <button
            key={c.value}
            type="button"
            aria-pressed={chosen}
            disabled={props.busy}
            onClick={() => !chosen && props.onChoose(c.value)}
            className={cn(
              "inline-flex h-6 items-center gap-1 rounded border px-2 text-xs font-medium transition-colors disabled:cursor-wait",
              chosen ? c.on : "border-line text-ink-muted hover:border-line-strong hover:text-ink",
            )}
          >
            {c.icon}
            {c.label}
          </button>
        );
      })}
    </div>
  );
}

export interface DetailsProps {
  event: TimelineEventDto;
  editable: boolean;
  busy: boolean;
  onData: (data: Record<string, unknown>) => void;
}

function ActionDetails({ event, editable, busy, onData }: DetailsProps) {
  const outcome = (ACTION_OUTCOMES as readonly string[]).includes(String(event.data?.outcome))
    ? (event.data?.outcome as ActionOutcome)
    : "pending";
  return (
    <ChoiceGroup
      label={`Outcome of action #${event.seq}`}
      testId="action-outcome"
      choices={ACTION_OUTCOMES.map((o) => OUTCOMES[o])}
      value={outcome}
      editable={editable}
      busy={busy}
      onChoose={(v) => onData({ outcome: v })}
    />
  );
}

function HypothesisDetails({ event, editable, busy, onData }: DetailsProps) {
  const state = (HYPOTHESIS_STATES as readonly string[]).includes(String(event.data?.state))
    ? (event.data?.state as HypothesisState)
    : "open";
  return (
    <ChoiceGroup
      label={`State of hypothesis #${event.seq}`}
      testId="hypothesis-state"
      choices={HYPOTHESIS_STATES.map((s) => STATES[s])}
      value={state}
      editable={editable}
      busy={busy}
      onChoose={(v) => onData({ state: v })}
    />
  );
}

function NotificationDetails({ event, editable, busy, onData }: DetailsProps) {
  const target = typeof event.data?.target === "string" ? event.data.target : "—";
  const channel = isNotifyChannel(event.data?.channel) ? channelLabel(event.data.channel) : null;
  const ackAt = typeof event.data?.acknowledgedAt === "string" ? event.data.acknowledgedAt : null;
  const ackBy = typeof event.data?.acknowledgedBy === "string" ? event.data.acknowledgedBy : null;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs" data-testid="notification">
      <span className="text-ink-muted">
        To <span className="font-medium text-ink">{target}</span>
        {channel ? <> by {channel}</> : null}
      </span>
      {ackAt ? (
        <span className="inline-flex items-center gap-1 font-medium text-ok" data-testid="acknowledged">
          <CheckIcon /> Acknowledged{ackBy ? ` by ${ackBy}` : ""} <Timestamp iso={ackAt} />
        </span>
      ) : (
        <span className="inline-flex items-center gap-1 font-medium text-warn">
          <span aria-hidden>◷</span> Awaiting acknowledgement
        </span>
      )}
      {editable && !ackAt ? (
        <button
          type="button"
          disabled={busy}
          onClick={() => onData({ acknowledgedAt: new Date().toISOString() })}
          className="inline-flex h-6 items-center gap-1 rounded border border-line px-2 font-medium text-ink-muted hover:border-line-strong hover:text-ink disabled:cursor-wait"
        >
          <CheckIcon /> Mark acknowledged
        </button>
      ) : null}
    </div>
  );
}

/** Only http(s) addresses become links; anything else is shown as text. */
export function safeHref(url: unknown): string | null {
  if (typeof url !== "string") return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link's words are the anchor (see EntryBody); an address that is not http(s) shows as text only. */
function LinkDetails({ event }: DetailsProps) {
  if (safeHref(event.data?.url)) return null;
  return <span className="text-xs break-all text-ink-muted">Address (not opened): {String(event.data?.url ?? "")}</span>;
}

/** Where a stakeholder update went: the public status page too, or only inside (reminders carry no chip). */
function StakeholderDetails({ event }: DetailsProps) {
  if (event.data?.reminder === true) return null;
  return (
    <span
      className="inline-flex items-center gap-1 rounded border border-line px-1.5 text-xs text-ink-muted"
      data-testid="stakeholder-visibility"
    >
      <span aria-hidden>{event.data?.isPublic === true ? "◉" : "○"}</span>
      {event.data?.isPublic === true ? "Published on the status page" : "Internal update"}
    </span>
  );
}

/** The kind's own fields under the text: outcome, state, who was told, where the link goes. */
export function EntryDetails(props: DetailsProps) {
  switch (props.event.kind) {
    case "action":
      return <ActionDetails {...props} />;
    case "hypothesis":
      return <HypothesisDetails {...props} />;
    case "notification":
      return <NotificationDetails {...props} />;
    case "link":
      return <LinkDetails {...props} />;
    case "stakeholder_update":
      return <StakeholderDetails {...props} />;
    default:
      return null;
  }
}

/** One-word summary of an entry's state for the compact view. */
export function CompactState({ event }: { event: TimelineEventDto }) {
  if (event.kind === "action") {
    const o = OUTCOMES[(event.data?.outcome as ActionOutcome) ?? "pending"] ?? OUTCOMES.pending;
    return <Chip choice={o} testId="action-outcome" />;
  }
  if (event.kind === "hypothesis") {
    const s = STATES[(event.data?.state as HypothesisState) ?? "open"] ?? STATES.open;
    return <Chip choice={s} testId="hypothesis-state" />;
  }
  if (event.kind === "notification") {
    return event.data?.acknowledgedAt ? (
      <span className="text-xs font-medium text-ok">✓ Ack</span>
    ) : (
      <span className="text-xs font-medium text-warn">◷ Awaiting ack</span>
    );
  }
  return null;
}
