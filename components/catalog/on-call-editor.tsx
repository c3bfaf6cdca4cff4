"use client";
import { useId } from "react";
import { Button } from "../ui/button.tsx";

const MAX = 10;

interface Props {
  value: string[];
  onChange: (next: string[]) => void;
  /** Errors by path: "onCall" for the list, "onCall.2" for one contact. */
  errors: Record<string, string>;
}

/** On-call contacts in calling order: add, remove, move up and down, all from the keyboard. */
export function OnCallEditor({ value, onChange, errors }: Props) {
  const id = useId();
  const move = (from: number, to: number) => {
    const next = [...value];
    const [item] = next.splice(from, 1);
    if (item === undefined) return;
    next.splice(to, 0, item);
    onChange(next);
  };
  const listError = errors.onCall && !value.some((_, i) => errors[`onCall.${i}`]) ? errors.onCall : undefined;

  return (
    <fieldset className="space-y-2" aria-describedby={`${id}-hint`}>
      <legend className="text-sm font-medium">On call</legend>
      <p id={`${id}-hint`} className="text-xs text-ink-muted">
        Who to page now, in the order to try them: a name with a phone number, an email or a pager handle.
      </p>
      {value.length ? (
        <ol className="space-y-2">
          {value.map((contact, i) => {
            const error = errors[`onCall.${i}`];
            const inputId = `${id}-contact-${i}`;
            return (
              <li key={i} className="space-y-1">
                <div className="flex items-center gap-1.5">
                  <span className="w-5 shrink-0 text-right text-xs text-ink-faint tabular">{i + 1}.</span>
                  <input
                    id={inputId}
                    value={contact}
                    onChange={(e) => onChange(value.map((c, j) => (j === i ? e.target.value : c)))}
                    onKeyDown={(e) => {
                      if (e.key === "Enter" && !e.metaKey && !e.ctrlKey) {
                        e.preventDefault();
                        if (i === value.length - 1 && value.length < MAX && contact.trim()) onChange([...value, ""]);
                      }
                    }}
                    aria-label={`On-call contact ${i + 1}`}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${inputId}-error` : undefined}
                    maxLength={200}
                    autoFocus={i === value.length - 1 && contact === ""}
                    placeholder={i === 0 ? "e.g. Priya Nair +1 555 0120" : "next to call"}
                    className="h-9 min-w-0 flex-1 rounded-md border border-line bg-canvas px-3 text-sm text-ink placeholder:text-ink-faint focus:border-accent focus:outline-none aria-[invalid=true]:border-sev1"
                  />
                  <Button
                    size="sm"
                    variant="ghost"
                    className="h-8 w-8 px-0"
                    disabled={i === 0}
                    aria-label={`Move contact ${i + 1} up`}
                    onClick={() => move(i, i - 1)}
                  >
                    ↑
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    className="h-8 w-8 px-0"
                    disabled={i === value.length - 1}
                    aria-label={`Move contact ${i + 1} down`}
                    onClick={() => move(i, i + 1)}
                  >
                    ↓
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    className="h-8 w-8 px-0"
                    aria-label={`Remove contact ${i + 1}`}
                    onClick={() => onChange(value.filter((_, j) => j !== i))}
                  >
                    ✕
                  </Button>
                </div>
                {error ? (
                  <p id={`${inputId}-error`} role="alert" className="pl-6 text-xs font-medium text-sev1">
                    {error}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="text-xs font-medium text-warn">
          <span aria-hidden>! </span>Nobody on call: incidents that touch this team will have no one to page.
        </p>
      )}
      {value.length < MAX ? (
        <Button size="sm" variant="secondary" onClick={() => onChange([...value, ""])}>
          Add contact
        </Button>
      ) : null}
      {listError ? (
        <p role="alert" className="text-xs font-medium text-sev1">
          {listError}
        </p>
      ) : null}
    </fieldset>
  );
}
