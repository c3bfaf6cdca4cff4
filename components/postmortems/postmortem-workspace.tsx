"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import type { PostmortemDto, PostmortemRevisionDto } from "@/lib/postmortems/postmortem-dto.ts";
import type { MemberDto } from "@/lib/users/member-dto.ts";
import { apiRequest } from "../api/api-client.ts";
import { SeverityBadge } from "../incidents/severity-badge.tsx";
import { Timestamp } from "../time/timestamp.tsx";
import { Button } from "../ui/button.tsx";
import { InlineEdit } from "../ui/inline-edit.tsx";
import { FactSheet } from "./fact-sheet.tsx";
import { PostmortemDocument } from "./postmortem-document.tsx";
import { PostmortemStatusBadge } from "./postmortem-status-badge.tsx";
import { ReviewBar } from "./review-bar.tsx";
import { ActionItemsPanel } from "./action-items/action-items-panel.tsx";
import { SectionEditor } from "./section-editor.tsx";
import { useLivePostmortem } from "./use-live-postmortem.ts";
import "./postmortem-print.css";

interface Props {
  initial: PostmortemDto;
  viewer: { userId: string };
  canWrite: boolean;
  canPublish: boolean;
  reviewers: MemberDto[];
}

export function PostmortemWorkspace({ initial, viewer, canWrite, canPublish, reviewers }: Props) {
  const { postmortem, editors, live, apply, applySection, setEditing } = useLivePostmortem(initial);
  // Writers edit drafts; a published one opens as the document, with Edit one click away.
  const [editing, setEditingMode] = useState(canWrite && initial.status !== "published");
  const [revision, setRevision] = useState<PostmortemRevisionDto | null>(null);
  const [openEditors, setOpenEditors] = useState<Set<string>>(new Set());
  const [titleError, setTitleError] = useState<string | null>(null);

  useEffect(() => setEditing(openEditors.size ? [...openEditors][0]! : null), [openEditors, setEditing]);

  // The newest published revision follows pushes unless an older one was picked.
  const shown = revision ?? postmortem.published;
  const others = editors.filter((u) => u.id !== viewer.userId);

  async function pickRevision(value: string) {
    if (value === "latest") return setRevision(null);
    const res = await apiRequest<PostmortemRevisionDto>(`/api/postmortems/${postmortem.id}/revisions/${value}`);
    if (res.ok) setRevision(res.data);
  }

  async function saveTitle(title: string): Promise<boolean> {
    const res = await apiRequest<PostmortemDto>(`/api/postmortems/${postmortem.id}`, { method: "PATCH", body: { title } });
    setTitleError(res.ok ? null : res.error.message);
    if (res.ok) apply(res.data);
    return res.ok;
  }

  const sectionEditing = (key: string, on: boolean) =>
    setOpenEditors((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  return (
    <main className="pm-doc mx-auto w-full max-w-[1000px] px-4 py-6">
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <Link href={`/incidents/${postmortem.incident.id}`} className="font-mono text-xs text-ink-faint hover:text-ink print:hidden">
            {postmortem.incident.ref} room
          </Link>
          <SeverityBadge severity={postmortem.incident.severity} />
          <PostmortemStatusBadge status={postmortem.status} />
          <span className="text-xs text-ink-muted print:hidden" aria-live="polite" data-testid="pm-live">
            <span aria-hidden className={live ? "text-ok" : "text-ink-faint"}>
              ●{" "}
            </span>
            {live ? "Live" : "Connecting…"}
          </span>
          {others.length ? (
            <span className="text-xs text-ink-muted print:hidden" data-testid="pm-presence">
              Here:{" "}
              {others
                .map(
                  (u) =>
                    `${u.name}${u.sectionKey ? ` (editing ${postmortem.sections.find((s) => s.key === u.sectionKey)?.title ?? u.sectionKey})` : ""}`,
                )
                .join(", ")}
            </span>
          ) : null}
          <div className="ml-auto flex items-center gap-2 print:hidden">
            {canWrite ? (
              <div role="group" aria-label="View" className="flex rounded-md border border-line p-0.5">
                <button
                  type="button"
                  aria-pressed={!editing}
                  onClick={() => setEditingMode(false)}
                  className={editing ? "px-2.5 py-1 text-ink-muted hover:text-ink" : "rounded bg-raised px-2.5 py-1"}
                >
                  Document
                </button>
                <button
                  type="button"
                  aria-pressed={editing}
                  onClick={() => setEditingMode(true)}
                  className={editing ? "rounded bg-raised px-2.5 py-1" : "px-2.5 py-1 text-ink-muted hover:text-ink"}
                >
                  Edit
                </button>
              </div>
            ) : null}
            <Button size="sm" variant="secondary" onClick={() => window.print()}>
              Print
            </Button>
          </div>
        </div>
        <p className="hidden text-sm print:block">Blameless post-mortem · {postmortem.incident.ref}</p>
        {editing ? (
          <InlineEdit
            label="title"
            value={postmortem.title}
            canEdit={canWrite}
            maxLength={200}
            display={<h1 className="text-2xl font-semibold">{postmortem.title}</h1>}
            onSave={saveTitle}
          />
        ) : (
          <h1 className="text-2xl font-semibold">{shown && !editing ? shown.title : postmortem.title}</h1>
        )}
        {titleError ? (
          <p role="alert" className="text-sm text-sev1">
            {titleError}
          </p>
        ) : null}
        <p className="text-sm text-ink-muted">
          Drafted {postmortem.createdBy ? `by ${postmortem.createdBy.name} ` : ""}from the incident record
          {shown && !editing ? (
            <>
              {" "}
              · revision {shown.number} published{shown.publishedBy ? ` by ${shown.publishedBy.name}` : ""}{" "}
              <Timestamp iso={shown.publishedAt} withDate />
            </>
          ) : null}
        </p>
      </header>

      <div className="mt-4">{postmortem.facts ? <FactSheet facts={postmortem.facts} /> : null}</div>

      {editing ? (
        <div className="mt-4 space-y-3">
          <ReviewBar
            postmortem={postmortem}
            viewerId={viewer.userId}
            canWrite={canWrite}
            canPublish={canPublish}
            reviewers={reviewers}
            onChanged={apply}
          />
          {postmortem.publishedRevision > 0 ? (
            <p className="text-sm text-ink-muted print:hidden">
              {postmortem.status === "published"
                ? `Published as revision ${postmortem.publishedRevision}. Editing a section starts revision ${postmortem.publishedRevision + 1}; readers keep revision ${postmortem.publishedRevision} until the next one is published.`
                : `Revision ${postmortem.publishedRevision + 1} in progress; readers see revision ${postmortem.publishedRevision}.`}
            </p>
          ) : null}
          <div data-testid="pm-editor">
            {postmortem.sections.map((s) => (
              <SectionEditor
                key={s.key}
                postmortemId={postmortem.id}
                section={s}
                canEdit={canWrite}
                othersEditing={others.filter((u) => u.sectionKey === s.key)}
                onEditing={(on) => sectionEditing(s.key, on)}
                onSaved={applySection}
              />
            ))}
          </div>
        </div>
      ) : (
        <div className="mt-2">
          {shown ? (
            postmortem.revisions.length > 1 ? (
              <div className="mt-4 flex items-center gap-2 text-sm print:hidden">
                <label htmlFor="pm-revision" className="text-ink-muted">
                  Revision
                </label>
                <select
                  id="pm-revision"
                  className="h-8 rounded-md border border-line bg-canvas px-2"
                  value={revision ? String(revision.number) : "latest"}
                  onChange={(e) => void pickRevision(e.target.value)}
                >
                  {postmortem.revisions.map((r, i) => (
                    <option key={r.number} value={i === 0 ? "latest" : String(r.number)}>
                      {r.number}
                      {i === 0 ? " (latest)" : ""} · {new Date(r.publishedAt).toLocaleDateString()}
                    </option>
                  ))}
                </select>
              </div>
            ) : null
          ) : (
            <p role="status" className="mt-4 rounded-md border border-line-strong bg-raised px-3 py-2 text-sm text-ink-muted">
              Draft — not published yet. What you read may still change.
            </p>
          )}
          <PostmortemDocument sections={shown ? shown.sections : postmortem.sections} />
        </div>
      )}
      {/* Follow-ups live beside the text in both views: they change after publishing, the text does not. */}
      <div className="mt-8 border-t border-line pt-6">
        <ActionItemsPanel postmortemId={postmortem.id} canEdit={canWrite} />
      </div>
    </main>
  );
}
