"use client";
import { useRef, useState, type KeyboardEvent } from "react";
import { KIND_LABELS, MAX_BODY_LENGTH, POSTABLE_KINDS, type PostableKind } from "@/lib/timeline/constants.ts";
import { parseComposerInput } from "@/lib/timeline/room-state.ts";
import { Button } from "../ui/button.tsx";
import { Kbd } from "../ui/kbd.tsx";
import { useShortcut } from "../ui/use-shortcut.ts";

/** "14:02" today in the viewer's zone → ISO; null when blank, "future" when it has not happened yet. */
function backdateToIso(hhmm: string): string | null | "future" {
  if (!hhmm) return null;
  const [h, m] = hhmm.split(":").map(Number);
  const d = new Date();
  d.setHours(h ?? 0, m ?? 0, 0, 0);
  return d.getTime() > Date.now() + 60_000 ? "future" : d.toISOString();
}

/** Keyboard-first: `/` focuses, Enter posts, Shift+Enter adds a line, `/action …` picks the kind. */
export function Composer({ onPost }: { onPost: (kind: PostableKind, body: string, occurredAt?: string) => void }) {
  const [text, setText] = useState("");
  const [kind, setKind] = useState<PostableKind>("note");
  const [happenedAt, setHappenedAt] = useState("");
  const [error, setError] = useState<string>();
  const input = useRef<HTMLTextAreaElement>(null);
  useShortcut("/", () => input.current?.focus());
  useShortcut("c", () => input.current?.focus());

  function submit() {
    const parsed = parseComposerInput(text, kind);
    if (!parsed.body) return setError("Write something first.");
    if (parsed.body.length > MAX_BODY_LENGTH) return setError(`Keep it under ${MAX_BODY_LENGTH.toLocaleString("en")} characters.`);
    const occurredAt = backdateToIso(happenedAt);
    if (occurredAt === "future") return setError("“Happened at” cannot be in the future.");
    onPost(parsed.kind, parsed.body, occurredAt ?? undefined);
    setText("");
    setHappenedAt("");
    setError(undefined);
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
    if (e.key === "Escape") input.current?.blur();
  }

  return (
    <form
      className="border-t border-line bg-surface p-3"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor="composer" className="sr-only">New timeline entry</label>
      <textarea
        id="composer"
        ref={input}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        rows={2}
        placeholder="What happened, what did you try, what did you decide?  (/action, /decision, /hypothesis)"
        aria-invalid={Boolean(error)}
        aria-describedby={error ? "composer-error" : "composer-help"}
        className="w-full resize-y rounded-md border border-line bg-canvas px-3 py-2 text-sm text-ink placeholder:text-ink-faint focus:border-accent focus:outline-none"
      />
      <div className="mt-2 flex flex-wrap items-center gap-3 text-xs text-ink-muted">
        <label className="flex items-center gap-1.5">
          Kind
          <select
            value={kind}
            onChange={(e) => setKind(e.target.value as PostableKind)}
            className="h-8 rounded-md border border-line bg-canvas px-2 text-xs text-ink"
          >
            {POSTABLE_KINDS.map((k) => (
              <option key={k} value={k}>{KIND_LABELS[k]}</option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1.5">
          Happened at
          <input
            type="time"
            value={happenedAt}
            onChange={(e) => setHappenedAt(e.target.value)}
            className="h-8 rounded-md border border-line bg-canvas px-2 text-xs text-ink"
            aria-label="Happened at (leave empty for now)"
          />
        </label>
        <span id="composer-help" className="hidden sm:inline">
          <Kbd>Enter</Kbd> post · <Kbd>Shift</Kbd>+<Kbd>Enter</Kbd> new line · <Kbd>/</Kbd> focus
        </span>
        {error ? <span id="composer-error" role="alert" className="font-medium text-sev1">{error}</span> : null}
        <Button type="submit" size="sm" className="ml-auto">Post</Button>
      </div>
    </form>
  );
}
