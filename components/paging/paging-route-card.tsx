"use client";
import { useEffect, useState } from "react";
import {
  ESCALATION_ACTIONS,
  ESCALATION_LABELS,
  PAGING_KIND_LABELS,
  PAGING_KINDS,
  type EscalationActionName,
  type PagingKindName,
} from "@/lib/paging/constants.ts";
import type { PagingRouteDto } from "@/lib/paging/route-dto.ts";
import { apiRequest } from "../api/api-client.ts";
import { Button } from "../ui/button.tsx";

const field = "h-8 w-full rounded-md border border-line bg-canvas px-2 text-sm text-ink focus:border-accent focus:outline-none";

/** "team:Fulfilment, user:ana@acme.com" ⇄ Opsgenie responders. */
function respondersText(route: PagingRouteDto | null): string {
  return (route?.responders ?? []).map((r) => `${r.type}:${r.name}`).join(", ");
}
function parseResponders(text: string): { type: string; name: string }[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const i = s.indexOf(":");
      return i > 0 ? { type: s.slice(0, i).trim(), name: s.slice(i + 1).trim() } : { type: "team", name: s };
    });
}

/** The team's paging route: how Warroom pages it, escalation, a test page. Keys are write-only. */
export function PagingRouteCard({ teamId, teamName, canEdit }: { teamId: string; teamName: string; canEdit: boolean }) {
  const [route, setRoute] = useState<PagingRouteDto | null | undefined>(undefined);
  const [teams, setTeams] = useState<{ id: string; name: string }[]>([]);
  const [editing, setEditing] = useState(false);
  const [kind, setKind] = useState<PagingKindName>("pagerduty");
  const [key, setKey] = useState("");
  const [url, setUrl] = useState("");
  const [responders, setResponders] = useState("");
  const [minutes, setMinutes] = useState("");
  const [escalation, setEscalation] = useState<EscalationActionName>("repeat");
  const [escalationTeamId, setEscalationTeamId] = useState("");
  const [isEnabled, setIsEnabled] = useState(true);
  const [message, setMessage] = useState<{ tone: "ok" | "bad"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    void apiRequest<{ route: PagingRouteDto | null }>(`/api/teams/${teamId}/paging`).then((res) => {
      // Another team's card by now: its answer is not this one's.
      if (isCurrent && res.ok) setRoute(res.data.route);
    });
    return () => {
      isCurrent = false;
    };
  }, [teamId]);

  function startEditing() {
    setKind(route?.kind ?? "pagerduty");
    setKey("");
    setUrl("");
    setResponders(respondersText(route ?? null));
    setMinutes(route?.escalateAfterMinutes ? String(route.escalateAfterMinutes) : "");
    setEscalation(route?.escalation ?? "repeat");
    setEscalationTeamId(route?.escalationTeam?.id ?? "");
    setIsEnabled(route?.isEnabled ?? true);
    setMessage(null);
    setEditing(true);
    void apiRequest<{ teams: { id: string; name: string }[] }>("/api/teams").then(
      (res) => res.ok && setTeams(res.data.teams.filter((t) => t.id !== teamId)),
    );
  }

  async function save() {
    setBusy(true);
    const body = {
      kind,
      ...(key ? { key } : {}),
      ...(kind === "webhook" && url ? { url } : {}),
      responders: kind === "opsgenie" ? parseResponders(responders) : [],
      escalateAfterMinutes: minutes ? Number(minutes) : null,
      escalation,
      escalationTeamId: escalationTeamId || null,
      isEnabled,
    };
    const res = await apiRequest<{ route: PagingRouteDto; secret: string | null }>(`/api/teams/${teamId}/paging`, { method: "PUT", body });
    setBusy(false);
    if (!res.ok) return setMessage({ tone: "bad", text: res.error.message });
    setRoute(res.data.route);
    setEditing(false);
    setMessage(
      res.data.secret
        ? { tone: "ok", text: `Signing secret (shown once, copy it now): ${res.data.secret}` }
        : { tone: "ok", text: "Saved." },
    );
  }

  async function test(cancel: boolean) {
    setBusy(true);
    const res = await apiRequest(`/api/teams/${teamId}/paging/test`, { method: cancel ? "DELETE" : "POST" });
    setBusy(false);
    setMessage(
      res.ok
        ? {
            tone: "ok",
            text: cancel
              ? "Test page cancelled (resolved at the vendor)."
              : "Test page queued; the delivery log in Settings → Notifications shows the answer.",
          }
        : { tone: "bad", text: res.error.message },
    );
  }

  async function remove() {
    if (!window.confirm(`Stop paging ${teamName} from Warroom? The key is deleted.`)) return;
    const res = await apiRequest(`/api/teams/${teamId}/paging`, { method: "DELETE" });
    if (res.ok) setRoute(null);
    else setMessage({ tone: "bad", text: res.error.message });
  }

  return (
    <section
      aria-labelledby="paging-heading"
      className="space-y-3 rounded-lg border border-line bg-surface p-4 text-sm"
      data-testid="paging-route"
    >
      <h2 id="paging-heading" className="text-xs font-semibold uppercase tracking-wide text-ink-muted">
        Paging
      </h2>
      {route === undefined ? <p className="text-ink-muted">Loading…</p> : null}
      {route === null && !editing ? (
        <p className="text-ink-muted">
          Not paged from Warroom. {canEdit ? "Connect PagerDuty, Opsgenie or a signed page webhook so the room can page this team." : ""}
        </p>
      ) : null}
      {route && !editing ? (
        <dl className="space-y-1">
          <div className="flex justify-between gap-2">
            <dt className="text-ink-muted">Via</dt>
            <dd>
              {PAGING_KIND_LABELS[route.kind]}
              {route.isEnabled ? "" : " (off)"}
            </dd>
          </div>
          <div className="flex justify-between gap-2">
            <dt className="text-ink-muted">Key</dt>
            <dd>{route.hasKey ? "set (never shown)" : "missing"}</dd>
          </div>
          {route.urlPreview ? (
            <div className="flex justify-between gap-2">
              <dt className="text-ink-muted">Address</dt>
              <dd className="truncate font-mono text-xs">{route.urlPreview}</dd>
            </div>
          ) : null}
          {route.responders.length ? (
            <div className="flex justify-between gap-2">
              <dt className="text-ink-muted">Responders</dt>
              <dd>{respondersText(route)}</dd>
            </div>
          ) : null}
          <div className="flex justify-between gap-2">
            <dt className="text-ink-muted">Escalation</dt>
            <dd className="text-right">
              {route.escalateAfterMinutes
                ? `after ${route.escalateAfterMinutes} min: ${ESCALATION_LABELS[route.escalation].toLowerCase()}${route.escalationTeam ? ` (${route.escalationTeam.name})` : ""}`
                : "none"}
            </dd>
          </div>
        </dl>
      ) : null}
      {editing ? (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label className="block space-y-1">
            <span className="text-ink-muted">Via</span>
            <select className={field} value={kind} onChange={(e) => setKind(e.target.value as PagingKindName)}>
              {PAGING_KINDS.map((k) => (
                <option key={k} value={k}>
                  {PAGING_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          {kind !== "webhook" ? (
            <label className="block space-y-1">
              <span className="text-ink-muted">{kind === "pagerduty" ? "Integration (routing) key" : "API key"}</span>
              <input
                className={field}
                type="password"
                autoComplete="off"
                value={key}
                onChange={(e) => setKey(e.target.value)}
                placeholder={route?.hasKey && route.kind === kind ? "kept; type a new one to replace it" : ""}
              />
            </label>
          ) : (
            <label className="block space-y-1">
              <span className="text-ink-muted">Address (https)</span>
              <input
                className={field}
                value={url}
                onChange={(e) => setUrl(e.target.value)}
                placeholder={route?.urlPreview ?? "https://goalert.example.com/api/v2/generic/incoming"}
              />
            </label>
          )}
          {kind === "opsgenie" ? (
            <label className="block space-y-1">
              <span className="text-ink-muted">Responders</span>
              <input
                className={field}
                value={responders}
                onChange={(e) => setResponders(e.target.value)}
                placeholder="team:Payments, user:ana@acme.com"
              />
            </label>
          ) : null}
          <label className="block space-y-1">
            <span className="text-ink-muted">Escalate if not acknowledged within (minutes, blank = never)</span>
            <input className={field} inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value.replace(/\D/g, ""))} />
          </label>
          <label className="block space-y-1">
            <span className="text-ink-muted">Then</span>
            <select className={field} value={escalation} onChange={(e) => setEscalation(e.target.value as EscalationActionName)}>
              {ESCALATION_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {ESCALATION_LABELS[a]}
                </option>
              ))}
            </select>
          </label>
          {escalation === "team" ? (
            <label className="block space-y-1">
              <span className="text-ink-muted">Escalation team</span>
              <select className={field} value={escalationTeamId} onChange={(e) => setEscalationTeamId(e.target.value)}>
                <option value="">Choose…</option>
                {teams.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={isEnabled} onChange={(e) => setIsEnabled(e.target.checked)} /> Pages go out
          </label>
          <div className="flex gap-2">
            <Button size="sm" type="submit" disabled={busy}>
              Save
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      {canEdit && !editing && route !== undefined ? (
        <div className="flex flex-wrap gap-2">
          <Button size="sm" variant="secondary" onClick={startEditing}>
            {route ? "Change" : "Set up paging"}
          </Button>
          {route ? (
            <>
              <Button size="sm" variant="secondary" disabled={busy} onClick={() => void test(false)}>
                Send test page
              </Button>
              <Button size="sm" variant="ghost" disabled={busy} onClick={() => void test(true)}>
                Cancel test page
              </Button>
              <Button size="sm" variant="ghost" onClick={() => void remove()}>
                Remove
              </Button>
            </>
          ) : null}
        </div>
      ) : null}
      {message ? (
        <p
          role={message.tone === "bad" ? "alert" : "status"}
          className={message.tone === "bad" ? "break-words text-sev1" : "break-words text-ok"}
        >
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
