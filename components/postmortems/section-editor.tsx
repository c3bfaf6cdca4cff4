"use client";
import { useEffect, useMemo, useState, type KeyboardEvent } from "react";
import { checkBlame } from "@/lib/postmortems/blame-check.ts";
import type { PostmortemSectionDto } from "@/lib/postmortems/postmortem-dto.ts";
import type { PostmortemEditor } from "@/lib/realtime/protocol.ts";
import { Timestamp } from "../time/timestamp.tsx";
import { Button } from "../ui/button.tsx";
import { Textarea } from "../ui/field.tsx";
import { Kbd } from "../ui/kbd.tsx";
import { BlameWarnings } from "./blame-warnings.tsx";
import { ConflictMerge } from "./conflict-merge.tsx";
import { clearLocalDraft, readLocalDraft, writeLocalDraft } from "./local-draft.ts";
import { MarkdownView } from "./markdown-view.tsx";
import { saveSectionRequest } from "./save-section-request.ts";
import { GuidanceText } from "./guidance-text.tsx";

interface Props {
  postmortemId: string;
  section: PostmortemSectionDto;
  canEdit: boolean;
  /** Other people editing this section now. */
  othersEditing: PostmortemEditor[];
  onEditing: (isEditing: boolean) => void;
  onSaved: (section: PostmortemSectionDto) => void;
}

type Mode =
  | { kind: "view" }
  | { kind: "edit"; text: string; baseVersion: number; restored: boolean }
  | { kind: "conflict"; mine: string; theirs: PostmortemSectionDto };

export function SectionEditor({ postmortemId, section, canEdit, othersEditing, onEditing, onSaved }: Props) {
  const [mode, setMode] = useState<Mode>({ kind: "view" });
  const [preview, setPreview] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingId = `section-${section.key}`;
  const fieldId = `section-${section.key}-body`;

  // Text typed here earlier and never saved (reload, crash, lost connection) comes back.
  useEffect(() => {
    if (!canEdit) return;
    const local = readLocalDraft(postmortemId, section.key);
    if (local && local.body !== section.body) {
      // The rule is wrong here: the draft lives in this browser's storage, which the server render
      // cannot read, so it can only seed the editor after hydration (React's documented two-pass
      // rendering); a lazy initial state would render differently on the server and break hydration.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setMode({ kind: "edit", text: local.body, baseVersion: local.baseVersion, restored: true });
      onEditing(true);
    } else if (local) clearLocalDraft(postmortemId, section.key);
    // Only on first render: later pushes must not reopen the editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const text = mode.kind === "edit" ? mode.text : mode.kind === "conflict" ? mode.mine : "";
  const warnings = useMemo(() => (mode.kind === "view" ? [] : checkBlame(text)), [mode.kind, text]);

  function startEditing() {
    setMode({ kind: "edit", text: section.body, baseVersion: section.version, restored: false });
    setPreview(false);
    setError(null);
    onEditing(true);
  }

  function change(next: string, baseVersion: number) {
    setMode({ kind: "edit", text: next, baseVersion, restored: mode.kind === "edit" && mode.restored });
    writeLocalDraft(postmortemId, section.key, next, baseVersion);
  }

  function stop() {
    clearLocalDraft(postmortemId, section.key);
    setMode({ kind: "view" });
    setError(null);
    onEditing(false);
  }

  async function save(body: string, baseVersion: number) {
    setBusy(true);
    setError(null);
    writeLocalDraft(postmortemId, section.key, body, baseVersion);
    const outcome = await saveSectionRequest(postmortemId, section.key, body, baseVersion);
    setBusy(false);
    if (outcome.kind === "saved") {
      onSaved(outcome.section);
      stop();
    } else if (outcome.kind === "conflict") {
      onSaved(outcome.current);
      setMode({ kind: "conflict", mine: body, theirs: outcome.current });
    } else setError(outcome.message);
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (mode.kind !== "edit") return;
    if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
      e.preventDefault();
      void save(mode.text, mode.baseVersion);
    }
  }

  const editingNames = othersEditing.map((u) => u.name).join(", ");
  return (
    <section
      aria-labelledby={headingId}
      className="pm-section scroll-mt-16 border-b border-line py-6 last:border-b-0"
      data-section={section.key}
    >
      <div className="mb-3 flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id={headingId} className="text-lg font-semibold">
          {section.title}
        </h2>
        {othersEditing.length ? (
          <span className="rounded border border-accent/50 px-1.5 py-0.5 text-xs text-accent print:hidden" data-testid="section-editing">
            <span aria-hidden>✎ </span>
            {editingNames} {othersEditing.length === 1 ? "is" : "are"} editing
          </span>
        ) : null}
        <span className="ml-auto text-xs text-ink-faint print:hidden">
          {section.updatedBy ? (
            <>
              v{section.version} · {section.updatedBy.name} · <Timestamp iso={section.updatedAt} withDate />
            </>
          ) : (
            `v${section.version}`
          )}
        </span>
        {canEdit && mode.kind === "view" ? (
          <Button size="sm" variant="secondary" className="h-7 print:hidden" onClick={startEditing} aria-label={`Edit ${section.title}`}>
            Edit
          </Button>
        ) : null}
      </div>

      {mode.kind === "view" ? (
        <MarkdownView
          source={section.body}
          className="pm-body text-ink"
          empty={
            <p className="text-ink-faint italic">
              Nothing written yet.
              {section.guidance ? (
                <>
                  {" "}
                  <GuidanceText text={section.guidance} />
                </>
              ) : null}
            </p>
          }
        />
      ) : null}

      {mode.kind === "edit" ? (
        <div className="space-y-2 print:hidden">
          {section.guidance ? (
            <p className="text-sm text-ink-muted" data-testid="section-guidance">
              <GuidanceText text={section.guidance} />
            </p>
          ) : null}
          {mode.restored ? (
            <p role="status" className="text-sm text-accent">
              Restored text you had not saved yet (kept in this browser).
            </p>
          ) : null}
          {section.version > mode.baseVersion ? (
            <p role="status" className="text-sm text-warn" data-testid="stale-notice">
              {section.updatedBy?.name ?? "Someone"} saved a newer version while you were editing. Saving will show both so you can merge.
            </p>
          ) : null}
          <div className="flex gap-1 text-sm" role="group" aria-label="Editor view">
            <button
              type="button"
              aria-pressed={!preview}
              onClick={() => setPreview(false)}
              className={preview ? "px-2 py-1 text-ink-muted hover:text-ink" : "rounded bg-raised px-2 py-1 text-ink"}
            >
              Write
            </button>
            <button
              type="button"
              aria-pressed={preview}
              onClick={() => setPreview(true)}
              className={preview ? "rounded bg-raised px-2 py-1 text-ink" : "px-2 py-1 text-ink-muted hover:text-ink"}
            >
              Preview
            </button>
          </div>
          {preview ? (
            <MarkdownView
              source={mode.text}
              className="min-h-40 rounded-md border border-line p-3"
              empty={<p className="text-ink-faint">Nothing to preview.</p>}
            />
          ) : (
            <>
              <label htmlFor={fieldId} className="sr-only">
                {section.title} (Markdown)
              </label>
              <Textarea
                id={fieldId}
                value={mode.text}
                autoFocus
                rows={Math.min(24, Math.max(6, mode.text.split("\n").length + 2))}
                onChange={(e) => change(e.target.value, mode.baseVersion)}
                onKeyDown={onKeyDown}
                className="font-mono text-[13px] leading-relaxed"
                aria-describedby={warnings.length ? `${fieldId}-blame` : undefined}
              />
            </>
          )}
          <BlameWarnings matches={warnings} id={`${fieldId}-blame`} />
          {error ? (
            <p role="alert" className="text-sm font-medium text-sev1">
              {error}
            </p>
          ) : null}
          <div className="flex items-center gap-2">
            <Button size="sm" disabled={busy} onClick={() => void save(mode.text, mode.baseVersion)}>
              {busy ? "Saving…" : "Save section"}
            </Button>
            <Button size="sm" variant="ghost" onClick={stop} disabled={busy}>
              Cancel
            </Button>
            <span className="text-xs text-ink-faint">
              <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd> saves · Markdown
            </span>
          </div>
        </div>
      ) : null}

      {mode.kind === "conflict" ? (
        <ConflictMerge
          title={section.title}
          theirs={mode.theirs}
          mine={mode.mine}
          busy={busy}
          error={error}
          warnings={warnings}
          onChange={(mine) => {
            setMode({ ...mode, mine });
            writeLocalDraft(postmortemId, section.key, mine, mode.theirs.version);
          }}
          onSave={() => void save(mode.mine, mode.theirs.version)}
          onDiscard={stop}
        />
      ) : null}
    </section>
  );
}
