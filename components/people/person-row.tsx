"use client";
import { useState } from "react";
import { ROLE_LABELS, ROLES, type RoleName } from "@/lib/auth/permissions.ts";
import type { PersonDto, PersonStatus } from "@/lib/people/person-dto.ts";
import { Timestamp, ZonedDateTime } from "../time/timestamp.tsx";
import { Button } from "../ui/button.tsx";
import { cn } from "../ui/cn.ts";

const STATUS: Record<PersonStatus, { label: string; icon: string; cls: string }> = {
  active: { label: "Active", icon: "●", cls: "text-ok" },
  invited: { label: "Invited", icon: "◌", cls: "text-warn" },
  deactivated: { label: "Deactivated", icon: "○", cls: "text-ink-muted" },
};

export interface PersonActions {
  changeRole(person: PersonDto, role: RoleName): Promise<void>;
  setActive(person: PersonDto, active: boolean): Promise<void>;
  newInvitation(person: PersonDto): Promise<void>;
  revokeInvitation(person: PersonDto): Promise<void>;
  resetLink(person: PersonDto): Promise<void>;
}

function InvitationWords({ person: p }: { person: PersonDto }) {
  if (!p.invitation) return <>no link</>;
  if (p.invitation.state === "revoked") return <>link revoked</>;
  if (p.invitation.state === "expired") return <>link expired</>;
  return (
    <>
      link until <ZonedDateTime iso={p.invitation.expiresAt} />
    </>
  );
}

export function PersonRow({ person: p, isSelf, actions }: { person: PersonDto; isSelf: boolean; actions: PersonActions }) {
  const [busy, setBusy] = useState(false);
  const run = (fn: () => Promise<void>) => async () => {
    setBusy(true);
    await fn();
    setBusy(false);
  };
  const status = STATUS[p.status];
  const buttons = <PersonButtons person={p} isSelf={isSelf} busy={busy} run={run} actions={actions} />;
  const lastSignIn = p.lastSignInAt ? <Timestamp iso={p.lastSignInAt} withDate /> : "never";
  return (
    <tr className="border-b border-line align-top" data-testid="person-row" data-email={p.email} data-status={p.status}>
      <td className="py-2 pr-3">
        <div className="font-medium">
          {p.name}
          {isSelf ? <span className="ml-1 text-xs text-ink-muted">(you)</span> : null}
        </div>
        <div className="break-all text-xs text-ink-muted">{p.email}</div>
        <div className="mt-1 text-xs text-ink-muted md:hidden">Last sign-in: {lastSignIn}</div>
        <div className="mt-2 sm:hidden">{buttons}</div>
      </td>
      <td className="py-2 pr-3">
        <label className="sr-only" htmlFor={`role-${p.id}`}>
          Role of {p.name}
        </label>
        <select
          id={`role-${p.id}`}
          value={p.role}
          disabled={busy || p.status === "deactivated"}
          onChange={(e) => void run(() => actions.changeRole(p, e.target.value as RoleName))()}
          className="h-8 rounded-md border border-line bg-canvas px-2 text-sm"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </td>
      <td className="py-2 pr-3 text-sm">
        <span className={cn("inline-flex items-center gap-1 whitespace-nowrap", status.cls)}>
          <span aria-hidden>{status.icon}</span>
          {status.label}
        </span>
        {p.status === "invited" ? (
          <div className="text-xs text-ink-muted">
            <InvitationWords person={p} />
          </div>
        ) : null}
      </td>
      <td className="hidden py-2 pr-3 text-sm text-ink-muted md:table-cell">{lastSignIn}</td>
      <td className="hidden py-2 text-right sm:table-cell">{buttons}</td>
    </tr>
  );
}

interface ButtonsProps {
  person: PersonDto;
  isSelf: boolean;
  busy: boolean;
  run: (fn: () => Promise<void>) => () => Promise<void>;
  actions: PersonActions;
}

/** What an admin can do to this person now; shown under the name on a phone, in its column otherwise. */
function PersonButtons({ person: p, isSelf, busy, run, actions }: ButtonsProps) {
  return (
    <div className="flex flex-wrap justify-end gap-1 max-sm:justify-start">
      {p.status === "invited" ? (
        <>
          <Button size="sm" variant="secondary" disabled={busy} onClick={run(() => actions.newInvitation(p))}>
            New link
          </Button>
          {p.invitation?.state === "valid" ? (
            <Button size="sm" variant="ghost" disabled={busy} onClick={run(() => actions.revokeInvitation(p))}>
              Revoke link
            </Button>
          ) : null}
        </>
      ) : null}
      {p.status === "active" && !isSelf ? (
        <Button size="sm" variant="ghost" disabled={busy} onClick={run(() => actions.resetLink(p))}>
          Reset link
        </Button>
      ) : null}
      {p.status === "deactivated" ? (
        <Button size="sm" variant="secondary" disabled={busy} onClick={run(() => actions.setActive(p, true))}>
          Reactivate
        </Button>
      ) : !isSelf ? (
        <Button size="sm" variant="ghost" className="text-sev1" disabled={busy} onClick={run(() => actions.setActive(p, false))}>
          Deactivate
        </Button>
      ) : null}
    </div>
  );
}
