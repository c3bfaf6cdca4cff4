"use client";
import { useState, type ReactNode } from "react";
import { Button } from "./button.tsx";

interface Props {
  label: string;
  value: string;
  display: ReactNode;
  canEdit: boolean;
  multiline?: boolean;
  maxLength?: number;
  placeholder?: string;
  onSave: (value: string) => Promise<boolean>;
}

/** Shows a value; people allowed to change it get Edit → field → Save (Enter) / Cancel (Esc). */
export function InlineEdit({ label, value, display, canEdit, multiline, maxLength, placeholder, onSave }: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [saving, setSaving] = useState(false);

  async function save() {
    setSaving(true);
    const ok = await onSave(draft.trim());
    setSaving(false);
    if (ok) setEditing(false);
  }

  if (!editing) {
    return (
      <div className="group flex items-start gap-2">
        <div className="min-w-0 flex-1">{display}</div>
        {canEdit ? (
          <Button
            size="sm"
            variant="ghost"
            className="h-6 px-2 text-xs print:hidden"
            aria-label={`Edit ${label}`}
            onClick={() => {
              setDraft(value);
              setEditing(true);
            }}
          >
            Edit
          </Button>
        ) : null}
      </div>
    );
  }
  const common = {
    value: draft,
    maxLength,
    placeholder,
    "aria-label": label,
    autoFocus: true,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === "Escape") setEditing(false);
      if (e.key === "Enter" && (!multiline || e.metaKey || e.ctrlKey)) {
        e.preventDefault();
        void save();
      }
    },
    className: "w-full rounded-md border border-line bg-canvas px-2 py-1.5 text-sm text-ink focus:border-accent focus:outline-none",
  };
  return (
    <div className="space-y-2">
      {multiline ? <textarea rows={4} {...common} /> : <input type="text" {...common} />}
      <div className="flex gap-2">
        <Button size="sm" className="h-7" onClick={() => void save()} disabled={saving}>
          {saving ? "Saving…" : "Save"}
        </Button>
        <Button size="sm" variant="ghost" className="h-7" onClick={() => setEditing(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
