"use client";
import { useState } from "react";
import type { RoleName } from "@/lib/auth/permissions.ts";
import type { InvitationResult } from "@/lib/people/invite-person.ts";
import type { ResetLinkResult } from "@/lib/people/issue-password-reset.ts";
import type { PersonDto } from "@/lib/people/person-dto.ts";
import { apiRequest } from "../api/api-client.ts";
import { InviteForm } from "./invite-form.tsx";
import { LinkNotice } from "./link-notice.tsx";
import { PersonRow, type PersonActions } from "./person-row.tsx";

interface Notice {
  title: string;
  url: string;
  expiresAt: string;
  email: InvitationResult["email"];
}

export function PeopleManager({ initial, selfId }: { initial: PersonDto[]; selfId: string }) {
  const [people, setPeople] = useState(initial);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const replace = (p: PersonDto) =>
    setPeople((list) => (list.some((x) => x.id === p.id) ? list.map((x) => (x.id === p.id ? p : x)) : [...list, p]));

  const invited = (r: InvitationResult, title: string) => {
    replace(r.person);
    setNotice({ title, url: r.link.url, expiresAt: r.link.expiresAt, email: r.email });
  };

  async function call<T>(path: string, method: string, body?: unknown): Promise<T | null> {
    setError(null);
    const res = await apiRequest<T>(path, { method, body });
    if (res.ok) return res.data;
    setError(res.error.message);
    return null;
  }

  const actions: PersonActions = {
    async changeRole(p, role: RoleName) {
      const updated = await call<PersonDto>(`/api/people/${p.id}`, "PATCH", { role });
      if (updated) replace(updated);
    },
    async setActive(p, active) {
      if (
        !active &&
        !window.confirm(`Deactivate ${p.name}? They are signed out everywhere at once and cannot sign in; their history stays.`)
      )
        return;
      const updated = await call<PersonDto>(`/api/people/${p.id}`, "PATCH", { active });
      if (updated) replace(updated);
    },
    async newInvitation(p) {
      const r = await call<InvitationResult>(`/api/people/${p.id}/invitation`, "POST");
      if (r) invited(r, `New invitation link for ${p.email}. Earlier links no longer work.`);
    },
    async revokeInvitation(p) {
      const updated = await call<PersonDto>(`/api/people/${p.id}/invitation`, "DELETE");
      if (updated) replace(updated);
    },
    async resetLink(p) {
      const r = await call<ResetLinkResult>(`/api/people/${p.id}/password-reset`, "POST");
      if (r) setNotice({ title: `Password reset link for ${p.email}.`, url: r.link.url, expiresAt: r.link.expiresAt, email: r.email });
    },
  };

  return (
    <div className="space-y-5">
      <div className="max-w-3xl space-y-1">
        <h2 className="text-lg font-semibold">People</h2>
        <p className="text-sm text-ink-muted">
          Invite people with a role; each gets a one-time link (7 days) to set their name and password. Invited people can already be named
          on teams. Deactivating someone signs them out everywhere at once; what they wrote stays theirs.
        </p>
      </div>
      {notice ? <LinkNotice {...notice} onDismiss={() => setNotice(null)} /> : null}
      <InviteForm onInvited={(r) => invited(r, `Invitation for ${r.person.email} created. Copy the link and send it to them.`)} />
      {error ? (
        <p role="alert" className="text-sm font-medium text-sev1">
          {error}
        </p>
      ) : null}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Members of the organisation</caption>
          <thead className="border-b border-line text-xs uppercase tracking-wide text-ink-muted">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">
                Person
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Role
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Status
              </th>
              <th scope="col" className="hidden py-2 pr-3 font-medium md:table-cell">
                Last sign-in
              </th>
              <th scope="col" className="hidden py-2 text-right font-medium sm:table-cell">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <PersonRow key={p.id} person={p} isSelf={p.id === selfId} actions={actions} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
