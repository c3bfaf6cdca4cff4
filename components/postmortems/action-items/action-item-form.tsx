"use client";
import { useId, useState, type FormEvent } from "react";
import { useApiSubmit } from "@/components/api/use-api-submit.ts";
import { Button } from "@/components/ui/button.tsx";
import { Field, Input, Select } from "@/components/ui/field.tsx";
import type { ActionItemDto } from "@/lib/action-items/action-item-dto.ts";
import {
  ACTION_ITEM_PRIORITIES,
  ACTION_ITEM_PRIORITY_LABELS,
  ACTION_ITEM_STATUSES,
  ACTION_ITEM_STATUS_LABELS,
} from "@/lib/action-items/constants.ts";
import { ownerFields, ownerValue, type OwnerOptions } from "./owner-options.ts";

// Both owner fields land on the one picker.
const mapFields = (f: Record<string, string>) => {
  const { ownerUserId, ownerTeamId, ...rest } = f;
  const owner = ownerUserId ?? ownerTeamId;
  return owner ? { ...rest, owner } : rest;
};

interface Props {
  /** Editing this item; without it the form adds one to `postmortemId`. */
  item?: ActionItemDto;
  postmortemId: string;
  owners: OwnerOptions | null;
  onSaved: (item: ActionItemDto) => void;
  onCancel?: () => void;
}

/** Add or edit one follow-up. Enter saves, Escape cancels; a refused field is named beside it. */
export function ActionItemForm({ item, postmortemId, owners, onSaved, onCancel }: Props) {
  const id = useId();
  const { errors, failure, busy, send } = useApiSubmit(mapFields);
  const [title, setTitle] = useState(item?.title ?? "");
  const [owner, setOwner] = useState(ownerValue(item?.owner ?? null));
  const [dueDate, setDueDate] = useState(item?.dueDate ?? "");
  const [priority, setPriority] = useState<string>(item?.priority ?? "medium");
  const [status, setStatus] = useState<string>(item?.status ?? "open");
  const [ticketUrl, setTicketUrl] = useState(item?.ticketUrl ?? "");

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = { title, ...ownerFields(owner), dueDate: dueDate || null, priority, status, ticketUrl: ticketUrl.trim() || null };
    const saved = item
      ? await send<ActionItemDto>(`/api/action-items/${item.id}`, { method: "PATCH", body })
      : await send<ActionItemDto>(`/api/postmortems/${postmortemId}/action-items`, { method: "POST", body });
    if (!saved) return;
    onSaved(saved);
    if (!item) {
      setTitle("");
      setTicketUrl("");
    }
  }

  const err = (field: string) => (errors[field] ? { "aria-invalid": true, "aria-describedby": `${id}-${field}-error` } : {});
  return (
    <form
      onSubmit={submit}
      onKeyDown={(e) => e.key === "Escape" && onCancel?.()}
      className="grid gap-3 rounded-md border border-line bg-surface p-3 sm:grid-cols-6"
      aria-label={item ? `Edit action item ${item.title}` : "Add an action item"}
      noValidate
    >
      <div className="sm:col-span-6">
        <Field label="Action" htmlFor={`${id}-title`} error={errors.title}>
          <Input
            id={`${id}-title`}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder="e.g. Alert on stock sync lag above 5 minutes"
            autoFocus={Boolean(item)}
            maxLength={200}
            {...err("title")}
          />
        </Field>
      </div>
      <div className="sm:col-span-2">
        <Field label="Owner" htmlFor={`${id}-owner`} error={errors.owner}>
          <Select id={`${id}-owner`} value={owner} onChange={(e) => setOwner(e.target.value)} {...err("owner")}>
            <option value="">Nobody yet</option>
            <optgroup label="Teams">
              {owners?.teams.map((t) => (
                <option key={t.id} value={`team:${t.id}`}>
                  {t.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="People">
              {owners?.users.map((u) => (
                <option key={u.id} value={`user:${u.id}`}>
                  {u.name}
                </option>
              ))}
            </optgroup>
          </Select>
        </Field>
      </div>
      <div className="sm:col-span-2">
        <Field label="Due date" htmlFor={`${id}-dueDate`} error={errors.dueDate}>
          <Input id={`${id}-dueDate`} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} {...err("dueDate")} />
        </Field>
      </div>
      <div className="sm:col-span-1">
        <Field label="Priority" htmlFor={`${id}-priority`} error={errors.priority}>
          <Select id={`${id}-priority`} value={priority} onChange={(e) => setPriority(e.target.value)}>
            {ACTION_ITEM_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {ACTION_ITEM_PRIORITY_LABELS[p]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="sm:col-span-1">
        <Field label="Status" htmlFor={`${id}-status`} error={errors.status}>
          <Select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value)}>
            {ACTION_ITEM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ACTION_ITEM_STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="sm:col-span-4">
        <Field label="Ticket link" htmlFor={`${id}-ticketUrl`} error={errors.ticketUrl} hint="The issue in your tracker (http or https)">
          <Input
            id={`${id}-ticketUrl`}
            type="url"
            inputMode="url"
            value={ticketUrl}
            onChange={(e) => setTicketUrl(e.target.value)}
            placeholder="https://tickets.example.com/PAY-311"
            {...err("ticketUrl")}
          />
        </Field>
      </div>
      <div className="flex items-end justify-end gap-2 sm:col-span-2">
        {failure ? (
          <p role="alert" className="mr-auto text-xs font-medium text-sev1">
            {failure}
          </p>
        ) : null}
        {onCancel ? (
          <Button variant="ghost" size="sm" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" size="sm" disabled={busy}>
          {busy ? "Saving…" : item ? "Save" : "Add action item"}
        </Button>
      </div>
    </form>
  );
}
