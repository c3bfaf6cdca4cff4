"use client";
import { useMemo, useRef, useState, type ChangeEvent, type KeyboardEvent } from "react";
import type { ImportFormat } from "@/lib/catalog/io/import-types.ts";
import { Button } from "../../ui/button.tsx";
import { cn } from "../../ui/cn.ts";
import { Kbd } from "../../ui/kbd.tsx";
import { ImportReport, type ImportOutcome } from "./import-report.tsx";
import { postImport } from "./import-request.ts";

const MAX_BYTES = 5 * 1024 * 1024;
const FORMATS: { value: ImportFormat | "auto"; label: string; hint: string }[] = [
  { value: "auto", label: "Detect", hint: "Tell from the content" },
  { value: "warroom", label: "Warroom", hint: "An export of this or another install" },
  { value: "backstage", label: "Backstage", hint: "catalog-info.yaml documents" },
];

/** Character offsets of the start and end of a 1-based line. */
function lineRange(text: string, line: number): [number, number] {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf("\n", start);
    if (next < 0) break;
    start = next + 1;
  }
  const end = text.indexOf("\n", start);
  return [start, end < 0 ? text.length : end];
}

export function ImportForm() {
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string>();
  const [format, setFormat] = useState<ImportFormat | "auto">("auto");
  const [addUpdateOnly, setAddUpdateOnly] = useState(false);
  const [busy, setBusy] = useState<"check" | "import" | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome>();
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLPreElement>(null);

  function edit(next: string) {
    setText(next);
    // A report describes the text it was made from; once the text changes it would mislead.
    setOutcome(undefined);
  }

  async function pickFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setOutcome({ kind: "failed", message: `${file.name} is larger than 5 MB; split it into several files.`, issues: [], warnings: [] });
      return;
    }
    setFileName(file.name);
    edit(await file.text());
  }

  async function run(dryRun: boolean) {
    if (!text.trim() || busy) return;
    setBusy(dryRun ? "check" : "import");
    const res = await postImport(text, format, dryRun, addUpdateOnly ? "add-update" : "merge");
    setBusy(null);
    if (res.ok) setOutcome({ kind: dryRun ? "plan" : "done", result: res.data });
    else setOutcome({ kind: "failed", message: res.error.message, issues: res.error.entities, warnings: res.error.warnings });
  }

  function showLine(line: number) {
    const el = area.current;
    if (!el) return;
    const [start, end] = lineRange(text, line);
    el.focus();
    el.setSelectionRange(start, end);
    // Put the line near the top of the box: line height × (line - 3).
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 20;
    el.scrollTop = Math.max(0, (line - 3) * lineHeight);
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void run(true);
    }
  }

  const lines = text ? text.split("\n").length : 0;
  const gutterText = useMemo(() => Array.from({ length: Math.max(lines, 1) }, (_, i) => i + 1).join("\n"), [lines]);
  return (
    <section aria-labelledby="import-heading" className="space-y-5 rounded-lg border border-line bg-surface p-5">
      <div className="space-y-1">
        <h2 id="import-heading" className="font-semibold">
          Import
        </h2>
        <p className="text-sm text-ink-muted">
          Teams and services are matched by name: new ones are created, existing ones updated, and nothing the file does not mention is
          touched. The whole file is checked first; if anything is wrong, nothing is written.
        </p>
      </div>

      <div className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <label htmlFor="catalog-text" className="text-sm font-medium">
            File contents
          </label>
          <div className="flex items-center gap-3 text-sm">
            {fileName ? (
              <span className="max-w-[16rem] truncate font-mono text-xs text-ink-muted" title={fileName}>
                {fileName}
              </span>
            ) : null}
            <label className="inline-flex h-8 cursor-pointer items-center rounded-md border border-line bg-raised px-3 text-sm hover:border-line-strong focus-within:outline focus-within:outline-2 focus-within:outline-accent">
              Choose file…
              <input
                type="file"
                accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
                className="sr-only"
                onChange={pickFile}
              />
            </label>
          </div>
        </div>
        <div className="flex h-80 resize-y overflow-hidden rounded-md border border-line bg-canvas focus-within:border-accent">
          {/* Line numbers, so "line 16" in a report can be found by eye too. */}
          <pre
            ref={gutter}
            aria-hidden
            className="w-12 shrink-0 select-none overflow-hidden border-r border-line pt-2 pb-8 pr-2 text-right font-mono text-[13px] leading-5 text-ink-faint tabular"
          >
            {gutterText}
          </pre>
          <textarea
            id="catalog-text"
            ref={area}
            value={text}
            onChange={(e) => {
              setFileName(undefined);
              edit(e.target.value);
            }}
            onScroll={(e) => {
              if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
            }}
            onKeyDown={onKeyDown}
            wrap="off"
            spellCheck={false}
            aria-describedby="catalog-text-hint"
            placeholder={"Paste a Backstage catalog-info.yaml (one or more --- documents) or a Warroom export (JSON or YAML)"}
            className="h-full min-w-0 flex-1 resize-none bg-transparent px-3 py-2 font-mono text-[13px] leading-5 text-ink placeholder:text-ink-faint focus:outline-none"
          />
        </div>
        <p id="catalog-text-hint" className="flex flex-wrap justify-between gap-2 text-xs text-ink-muted">
          <span>
            Up to 5 MB. <Kbd>Ctrl</Kbd> <Kbd>Enter</Kbd> checks.
          </span>
          <span className="tabular">{lines ? `${lines.toLocaleString("en")} lines` : ""}</span>
        </p>
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Format</legend>
        <div className="flex flex-wrap gap-2">
          {FORMATS.map((f) => (
            <label
              key={f.value}
              className={cn(
                "flex cursor-pointer items-start gap-2 rounded-md border px-3 py-2 text-sm",
                format === f.value ? "border-accent bg-raised" : "border-line hover:border-line-strong",
              )}
            >
              <input
                type="radio"
                name="format"
                value={f.value}
                checked={format === f.value}
                onChange={() => {
                  setFormat(f.value);
                  setOutcome(undefined);
                }}
                className="mt-0.5 size-4 shrink-0 accent-[var(--color-accent)] [color-scheme:light]"
              />
              <span>
                <span className="block font-medium">{f.label}</span>
                <span className="block text-xs text-ink-muted">{f.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={addUpdateOnly}
          onChange={(e) => {
            setAddUpdateOnly(e.target.checked);
            setOutcome(undefined);
          }}
        />
        Add and update only: never remove a dependency the file leaves out
      </label>

      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={() => void run(true)} disabled={!text.trim() || busy !== null}>
          {busy === "check" ? "Checking…" : "Check"}
        </Button>
        <Button onClick={() => void run(false)} disabled={!text.trim() || busy !== null}>
          {busy === "import" ? "Importing…" : "Import"}
        </Button>
        <span className="text-xs text-ink-muted">Check shows what would change without writing anything.</span>
      </div>

      <div aria-live="polite">{outcome ? <ImportReport outcome={outcome} onLine={showLine} /> : null}</div>
    </section>
  );
}
