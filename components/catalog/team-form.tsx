"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type KeyboardEvent } from "react";
import type { TeamDetailDto } from "@/lib/catalog/catalog-dto.ts";
import type { MemberDto } from "@/lib/users/member-dto.ts";
import { useApiSubmit } from "../api/use-api-submit.ts";
import { Button } from "../ui/button.tsx";
import { Field, Input, Textarea } from "../ui/field.tsx";
import { errorProps, groupFieldErrors } from "./form-errors.ts";
import { MembersPicker } from "./members-picker.tsx";
import { OnCallEditor } from "./on-call-editor.tsx";

interface Values {
  name: string;
  chatChannel: string;
  description: string;
  onCall: string[];
  escalationContact: string;
  memberIds: string[];
}

interface Props {
  /** Edit this team; without it the form creates one. */
  team?: TeamDetailDto;
  people: MemberDto[];
  onSaved?: (team: TeamDetailDto) => void;
  onCancel?: () => void;
}

export function TeamForm({ team, people, onSaved, onCancel }: Props) {
  const router = useRouter();
  const [values, setValues] = useState<Values>(() => ({
    name: team?.name ?? "",
    chatChannel: team?.chatChannel ?? "",
    description: team?.description ?? "",
    onCall: team?.onCall ?? [],
    escalationContact: team?.escalationContact ?? "",
    memberIds: team?.members.map((m) => m.id) ?? [],
  }));
  // What the person typed stays; the errors appear next to the fields they concern.
  const { errors, failure: formError, busy, send } = useApiSubmit(groupFieldErrors);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    // Rows left blank are dropped first, so error positions ("onCall.1") match what is on screen.
    const body = { ...values, onCall: values.onCall.filter((c) => c.trim()) };
    setValues(body);
    const saved = await send<TeamDetailDto>(team ? `/api/teams/${team.id}` : "/api/teams", { method: team ? "PATCH" : "POST", body });
    if (!saved) return;
    if (onSaved) onSaved(saved);
    else router.push(`/catalog/teams/${saved.id}`);
    router.refresh();
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) void submit();
    if (e.key === "Escape" && onCancel) onCancel();
  }

  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate className="space-y-5" aria-label={team ? `Edit ${team.name}` : "New team"}>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Name" htmlFor="team-name" error={errors.name} hint="Unique in your catalog.">
          <Input
            id="team-name"
            value={values.name}
            onChange={(e) => set("name", e.target.value)}
            maxLength={120}
            autoFocus
            required
            {...errorProps("team-name", errors.name)}
          />
        </Field>
        <Field
          label="Chat channel"
          htmlFor="team-chat"
          error={errors.chatChannel}
          hint="Where to reach them in writing, e.g. #team-payments."
        >
          <Input
            id="team-chat"
            value={values.chatChannel}
            onChange={(e) => set("chatChannel", e.target.value)}
            maxLength={120}
            {...errorProps("team-chat", errors.chatChannel)}
          />
        </Field>
      </div>
      <Field label="What the team owns" htmlFor="team-description" error={errors.description}>
        <Textarea
          id="team-description"
          rows={2}
          value={values.description}
          onChange={(e) => set("description", e.target.value)}
          maxLength={2000}
          {...errorProps("team-description", errors.description)}
        />
      </Field>
      <div className="grid gap-5 lg:grid-cols-2">
        <div className="space-y-5">
          <OnCallEditor value={values.onCall} onChange={(v) => set("onCall", v)} errors={errors} />
          <Field
            label="Escalation contact"
            htmlFor="team-escalation"
            error={errors.escalationContact}
            hint="Who to call when on-call does not answer."
          >
            <Input
              id="team-escalation"
              value={values.escalationContact}
              onChange={(e) => set("escalationContact", e.target.value)}
              maxLength={200}
              {...errorProps("team-escalation", errors.escalationContact)}
            />
          </Field>
        </div>
        <MembersPicker people={people} value={values.memberIds} onChange={(v) => set("memberIds", v)} error={errors.memberIds} />
      </div>

      {formError ? (
        <p role="alert" className="text-sm font-medium text-sev1">
          {formError}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-end gap-3">
        <span className="mr-auto text-xs text-ink-faint">Ctrl+Enter saves{onCancel ? " · Esc cancels" : ""}</span>
        <Button variant="ghost" onClick={onCancel ?? (() => router.back())}>
          Cancel
        </Button>
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : team ? "Save changes" : "Create team"}
        </Button>
      </div>
    </form>
  );
}
