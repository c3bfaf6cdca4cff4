"use client";
import type { BlameMatch } from "@/lib/postmortems/blame-check.ts";
import type { PostmortemSectionDto } from "@/lib/postmortems/postmortem-dto.ts";
import { Timestamp } from "../time/timestamp.tsx";
import { Button } from "../ui/button.tsx";
import { Textarea } from "../ui/field.tsx";
import { BlameWarnings } from "./blame-warnings.tsx";

interface Props {
  title: string;
  theirs: PostmortemSectionDto;
  mine: string;
  busy: boolean;
  error: string | null;
  warnings: BlameMatch[];
  onChange: (mine: string) => void;
  onSave: () => void;
  onDiscard: () => void;
}

/** Both versions side by side; the writer merges into theirs and saves against the new version. */
export function ConflictMerge({ title, theirs, mine, busy, error, warnings, onChange, onSave, onDiscard }: Props) {
  const id = `merge-${theirs.key}`;
  return (
    <div className="space-y-3 rounded-md border border-warn/60 bg-warn/5 p-3 print:hidden" data-testid="conflict-merge">
      <div role="alert">
        <p className="font-semibold text-warn">Someone changed this section while you were editing</p>
        <p className="text-sm text-ink-muted">
          {theirs.updatedBy?.name ?? "Someone"} saved version {theirs.version} <Timestamp iso={theirs.updatedAt} />. Nothing was overwritten
          and your text is kept. Merge what you want to keep into the box on the right, then save it as version {theirs.version + 1}.
        </p>
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        <div className="min-w-0 space-y-1">
          <h3 className="text-sm font-semibold">
            Their version (v{theirs.version}, {theirs.updatedBy?.name ?? "unknown"})
          </h3>
          <pre
            className="max-h-96 overflow-auto rounded-md border border-line bg-canvas p-3 font-mono text-[13px] whitespace-pre-wrap"
            data-testid="merge-theirs"
          >
            {theirs.body}
          </pre>
        </div>
        <div className="min-w-0 space-y-1">
          <label htmlFor={id} className="block text-sm font-semibold">
            Your version — edit to merge
          </label>
          <Textarea
            id={id}
            value={mine}
            rows={12}
            onChange={(e) => onChange(e.target.value)}
            className="font-mono text-[13px]"
            data-testid="merge-mine"
          />
        </div>
      </div>
      <BlameWarnings matches={warnings} id={`${id}-blame`} />
      {error ? (
        <p role="alert" className="text-sm font-medium text-sev1">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" disabled={busy} onClick={onSave}>
          {busy ? "Saving…" : `Save merged ${title.toLowerCase()}`}
        </Button>
        <Button size="sm" variant="secondary" disabled={busy} onClick={() => onChange(`${theirs.body}\n\n${mine}`)}>
          Put theirs above mine
        </Button>
        <Button size="sm" variant="ghost" disabled={busy} onClick={onDiscard}>
          Discard mine, keep theirs
        </Button>
      </div>
    </div>
  );
}
