"use client";
import { useMemo, useState } from "react";
import { parseTemplateMarkdown, PREFILLED_KEYS, templateToMarkdown } from "@/lib/postmortems/template-markdown.ts";
import type { PostmortemTemplateDto } from "@/lib/postmortems/templates.ts";
import { useApiSubmit } from "../../api/use-api-submit.ts";
import { Button } from "../../ui/button.tsx";
import { Field, Input, Textarea } from "../../ui/field.tsx";

interface Props {
  template: PostmortemTemplateDto | null;
  startFrom?: PostmortemTemplateDto;
  onDone: (changed: boolean) => void | Promise<void>;
}

const EXAMPLE =
  "## Summary\nTwo or three sentences a director can read.\n\n## Customer impact {#impact}\nPre-filled from the incident's impact figures.";

/** A template is Markdown: each "## Title" starts a section, the text below is its guidance. */
export function TemplateForm({ template, startFrom, onDone }: Props) {
  const source = template ?? startFrom;
  const [name, setName] = useState(template?.name ?? (startFrom ? `${startFrom.name} (custom)` : ""));
  const [description, setDescription] = useState(source?.description ?? "");
  const [body, setBody] = useState(source ? templateToMarkdown(source.sections) : EXAMPLE);
  const sections = useMemo(() => parseTemplateMarkdown(body), [body]);
  const { busy, failure, errors, send } = useApiSubmit();

  async function save() {
    const payload = { name, description, sections };
    const ok = template
      ? await send(`/api/settings/postmortems/templates/${template.key}`, { method: "PATCH", body: payload })
      : await send("/api/settings/postmortems/templates", { method: "POST", body: payload });
    if (ok) await onDone(true);
  }

  return (
    <form
      className="space-y-4 rounded-md border border-line-strong bg-raised p-4"
      aria-label={template ? `Edit ${template.name}` : "New template"}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" htmlFor="template-name" error={errors.name}>
          <Input
            id="template-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={80}
            required
            aria-invalid={errors.name ? true : undefined}
          />
        </Field>
        <Field label="Description" htmlFor="template-description" error={errors.description}>
          <Input
            id="template-description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            maxLength={500}
            placeholder="When to use it"
          />
        </Field>
      </div>
      <Field
        label="Sections (Markdown)"
        htmlFor="template-sections"
        error={errors.sections ?? Object.entries(errors).find(([k]) => k.startsWith("sections."))?.[1]}
        hint={
          <>
            Each <code>## Title</code> starts a section; the text below it is the guidance writers see. Add <code>{"{#key}"}</code> after a
            title to have it pre-filled from the incident: {PREFILLED_KEYS.map((k) => `{#${k}}`).join(", ")}.
          </>
        }
      >
        <Textarea
          id="template-sections"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={14}
          className="font-mono text-[13px]"
        />
      </Field>
      <p className="text-sm text-ink-muted" aria-live="polite">
        {sections.length
          ? `${sections.length} section${sections.length === 1 ? "" : "s"}: ${sections.map((s) => s.title).join(" · ")}`
          : "No sections yet: start a line with ## and a title."}
      </p>
      {failure ? (
        <p role="alert" className="text-sm font-medium text-sev1">
          {failure}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={busy || sections.length === 0}>
          {template ? "Save template" : "Create template"}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => void onDone(false)} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
