"use client";
import { useRef, useState, type KeyboardEvent } from "react";
import {
  KIND_LABELS,
  MAX_BODY_LENGTH,
  NOTIFY_CHANNELS,
  POSTABLE_KINDS,
  type NotifyChannel,
  type PostableKind,
} from "@/lib/vocabulary/timeline.ts";
import { buildComposerEntry, channelLabel, parseComposerInput } from "@/lib/timeline/composer-input.ts";
import { matchTeam, type NamedTeam } from "@/lib/timeline/match-team.ts";
import { todayAt, zoneName } from "@/lib/time/format.ts";
import { useTimeZone } from "../time/time-zone.tsx";
import { useNow } from "../time/use-now.ts";
import { parsePageCommand } from "@/lib/paging/page-command.ts";
import { Button } from "../ui/button.tsx";
import { cn } from "../ui/cn.ts";
import { Kbd } from "../ui/kbd.tsx";
import { useShortcut } from "../ui/use-shortcut.ts";

/** "14:02" today in the zone the room shows times in → ISO; null when blank, "future" when it has not happened yet. */
function backdateToIso(hhmm: string, timeZone: string | undefined): string | null | "future" {
  if (!hhmm) return null;
  const d = todayAt(hhmm.slice(0, 5), new Date(), timeZone);
  if (!d) return null;
  return d.getTime() > Date.now() + 60_000 ? "future" : d.toISOString();
}

/** Teams whose name starts with (or contains) what was typed, best first, at most five. */
function suggestTeams(typed: string, teams: readonly NamedTeam[]): NamedTeam[] {
  const q = typed.trim().toLowerCase();
  const starts = teams.filter((t) => t.name.toLowerCase().startsWith(q));
  const contains = teams.filter((t) => !starts.includes(t) && t.name.toLowerCase().includes(q));
  return [...starts, ...contains].slice(0, 5);
}

/** The preview names the catalog team the target resolves to, or says it is not one. */
function previewTeam(target: string, teams: readonly NamedTeam[]): string {
  if (!teams.length) return target;
  return matchTeam(target, teams)?.name ?? `${target} (not a team)`;
}

const small =
  "h-8 rounded-md border border-line bg-canvas px-2 text-xs text-ink focus:border-accent focus:outline-none aria-[invalid=true]:border-bad";

export type PostHandler = (kind: PostableKind, body: string, occurredAt?: string, data?: Record<string, unknown> | null) => void;
/** Pages a team (`/page <team>: why`); resolves to the refusal to show, or null once paged. */
export type PageHandler = (team: string, reason: string) => Promise<string | null>;

/**
 * Keyboard-first: `/` focuses, Enter posts, Shift+Enter adds a line. The kind comes from the
 * selector or a typed prefix (/action, /decision, /hypothesis, /notify Team: …, /page Team: why, /link https://…);
 * notifications and links ask for their fields inline.
 */
export function Composer({ onPost, onPage, teams }: { onPost: PostHandler; onPage?: PageHandler; teams: readonly NamedTeam[] }) {
  const [text, setText] = useState("");
  const [kind, setKind] = useState<PostableKind>("note");
  const [target, setTarget] = useState("");
  const [channel, setChannel] = useState<NotifyChannel>("chat");
  const [url, setUrl] = useState("");
  const [happenedAt, setHappenedAt] = useState("");
  const [error, setError] = useState<{ field: string; message: string }>();
  const input = useRef<HTMLTextAreaElement>(null);
  useShortcut("/", () => input.current?.focus());
  useShortcut("c", () => input.current?.focus());

  const parsed = parseComposerInput(text, kind);
  // Null while server-rendering: the zone (the room's, one policy) is named once the page is live.
  const now = useNow(60_000);
  const { timeZone } = useTimeZone();
  const zone = now ? zoneName(now, timeZone) : "";
  const liveKind = parsed.kind;
  // While the team after /notify is not yet a catalog team, offer the ones it could be.
  const typedTeam = parsed.prefixed && liveKind === "notification" ? (parsed.target ?? "") : null;
  const notifySuggestions = typedTeam !== null && !matchTeam(typedTeam, teams) ? suggestTeams(typedTeam, teams) : [];
  const notifyRest =
    typedTeam !== null ? text.slice(text.search(/\s+(?:via|by)\s|:/) >= 0 ? text.search(/\s+(?:via|by)\s|:/) : text.length) : "";

  function submit() {
    const page = onPage ? parsePageCommand(text) : null;
    if (page && onPage) {
      if (!page.team) return setError({ field: "body", message: "Name the team: /page Payments: why" });
      // A page goes out at once (never queued offline): the answer says whether it went.
      void onPage(page.team, page.reason).then((refusal) => {
        if (refusal) return setError({ field: "body", message: refusal });
        setText("");
        setError(undefined);
      });
      return;
    }
    const entry = buildComposerEntry(parsed, { target, channel, url }, teams);
    if (!entry.ok) return setError({ field: entry.field, message: entry.error });
    if (entry.body.length > MAX_BODY_LENGTH)
      return setError({ field: "body", message: `Keep it under ${MAX_BODY_LENGTH.toLocaleString("en")} characters.` });
    const occurredAt = backdateToIso(happenedAt, timeZone);
    if (occurredAt === "future") return setError({ field: "happenedAt", message: "“Happened at” cannot be in the future." });
    onPost(entry.kind, entry.body, occurredAt ?? undefined, entry.data);
    setText("");
    setHappenedAt("");
    setTarget("");
    setUrl("");
    setError(undefined);
    input.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
    if (e.key === "Escape") input.current?.blur();
  }

  const invalid = (field: string) => (error?.field === field ? true : undefined);

  return (
    <form
      className="border-t border-line bg-surface p-3"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor="composer" className="sr-only">
        New timeline entry
      </label>
      <textarea
        id="composer"
        ref={input}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (error?.field === "body") setError(undefined);
        }}
        onKeyDown={onKeyDown}
        rows={2}
        placeholder="What happened, what did you try, what did you decide?  (/action, /decision, /hypothesis, /notify Team: …, /page Team: why, /link https://…)"
        aria-invalid={invalid("body")}
        aria-describedby={error ? "composer-error" : "composer-help"}
        className="w-full resize-y rounded-md border border-line bg-canvas px-3 py-2 text-sm text-ink placeholder:text-ink-faint focus:border-accent focus:outline-none"
      />
      <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2 text-xs text-ink-muted">
        <label className="flex items-center gap-1.5">
          Kind
          <select
            value={liveKind}
            disabled={parsed.prefixed}
            title={parsed.prefixed ? "Set by the prefix you typed" : undefined}
            onChange={(e) => setKind(e.target.value as PostableKind)}
            className={cn(small, "disabled:opacity-100")}
            data-testid="composer-kind"
          >
            {POSTABLE_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        {liveKind === "notification" && parsed.target === undefined ? (
          <label className="flex items-center gap-1.5">
            To
            <input
              value={target}
              onChange={(e) => {
                setTarget(e.target.value);
                if (error?.field === "target") setError(undefined);
              }}
              list="composer-teams"
              placeholder="team"
              data-testid="composer-target"
              maxLength={200}
              aria-invalid={invalid("target")}
              className={cn(small, "w-40")}
            />
          </label>
        ) : null}
        {liveKind === "notification" && parsed.channel === undefined ? (
          <label className="flex items-center gap-1.5">
            By
            <select value={channel} onChange={(e) => setChannel(e.target.value as NotifyChannel)} className={small}>
              {NOTIFY_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {channelLabel(c)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {liveKind === "link" && parsed.url === undefined ? (
          <label className="flex items-center gap-1.5">
            URL
            <input
              type="url"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              placeholder="https://…"
              aria-invalid={invalid("url")}
              className={cn(small, "w-56")}
            />
          </label>
        ) : null}
        {parsed.target !== undefined || parsed.url !== undefined ? (
          // What the prefix was read as, so a typo in "/notify Team via phone:" shows before posting.
          <span className="max-w-72 truncate rounded border border-line px-1.5 py-0.5 text-ink" data-testid="composer-preview">
            {parsed.target !== undefined
              ? `To ${previewTeam(parsed.target, teams)}${parsed.channel ? ` by ${channelLabel(parsed.channel)}` : ""}`
              : parsed.url}
          </span>
        ) : null}
        <label className="flex items-center gap-1.5">
          Happened at
          {/* A wall-clock time in the zone the room shows: say which zone that is. */}
          <input
            type="time"
            value={happenedAt}
            onChange={(e) => setHappenedAt(e.target.value)}
            className={small}
            aria-invalid={invalid("happenedAt")}
            aria-label={`Happened at, ${zone} (leave empty for now)`}
          />
          <span className="text-[11px] text-ink-faint" data-testid="input-zone">
            {zone}
          </span>
        </label>
        <span id="composer-help" className="hidden xl:inline">
          <Kbd>Enter</Kbd> post · <Kbd>Shift</Kbd>+<Kbd>Enter</Kbd> new line · <Kbd>/</Kbd> focus
        </span>
        {/* Autocomplete for the “To” field and, below, for what follows /notify. */}
        <datalist id="composer-teams">
          {teams.map((t) => (
            <option key={t.id} value={t.name} />
          ))}
        </datalist>
        {notifySuggestions.length ? (
          <span className="flex flex-wrap items-center gap-1" data-testid="composer-team-suggestions">
            <span className="text-ink-faint">Team:</span>
            {notifySuggestions.map((t) => (
              <button
                key={t.id}
                type="button"
                className="rounded border border-line px-1.5 py-0.5 text-ink hover:border-accent"
                onClick={() => {
                  setText(`/notify ${t.name}${notifyRest}`);
                  input.current?.focus();
                }}
              >
                {t.name}
              </button>
            ))}
          </span>
        ) : null}
        {error ? (
          <span id="composer-error" role="alert" className="font-medium text-bad">
            {error.message}
          </span>
        ) : null}
        <Button type="submit" size="sm" className="ml-auto">
          Post
        </Button>
      </div>
    </form>
  );
}
