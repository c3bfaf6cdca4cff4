"use client";
import { useState } from "react";
import type { PostmortemDto } from "@/lib/postmortems/postmortem-dto.ts";
import type { MemberDto } from "@/lib/users/member-dto.ts";
import { useApiSubmit } from "../api/use-api-submit.ts";
import { Button } from "../ui/button.tsx";
import { Textarea } from "../ui/field.tsx";

interface Props {
  postmortem: PostmortemDto;
  viewerId: string;
  canWrite: boolean;
  canPublish: boolean;
  /** Writers of the organisation, who may review. */
  reviewers: MemberDto[];
  onChanged: (next: PostmortemDto) => void;
}

const STATE_LABEL = { requested: "asked", approved: "approved", changes_requested: "asked for changes" } as const;

/** Draft → in review → published: who reviews, their verdicts, and the next step for this person. */
export function ReviewBar({ postmortem, viewerId, canWrite, canPublish, reviewers, onChanged }: Props) {
  const { busy, failure, errors, send } = useApiSubmit();
  const [picking, setPicking] = useState(false);
  const [chosen, setChosen] = useState<string[]>(() => postmortem.reviews.map((r) => r.reviewer.id));
  const [comment, setComment] = useState("");
  const base = `/api/postmortems/${postmortem.id}`;
  const approvals = postmortem.reviews.filter((r) => r.state === "approved").length;

  async function act(path: string, body: unknown) {
    const next = await send<PostmortemDto>(`${base}${path}`, { method: "POST", body });
    if (next) {
      onChanged(next);
      setPicking(false);
      setComment("");
    }
  }

  return (
    <div className="space-y-3 rounded-md border border-line bg-surface p-3 text-sm print:hidden" aria-label="Review" role="region">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        {postmortem.reviews.length ? (
          <ul className="flex flex-wrap gap-x-4 gap-y-1" data-testid="reviews">
            {postmortem.reviews.map((r) => (
              <li key={r.reviewer.id} title={r.comment || undefined}>
                <span
                  aria-hidden
                  className={r.state === "approved" ? "text-ok" : r.state === "changes_requested" ? "text-warn" : "text-ink-faint"}
                >
                  {r.state === "approved" ? "✓" : r.state === "changes_requested" ? "✎" : "○"}{" "}
                </span>
                <span className="font-medium">{r.reviewer.name}</span> <span className="text-ink-muted">{STATE_LABEL[r.state]}</span>
                {r.comment ? <span className="text-ink-muted">: “{r.comment}”</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-ink-muted">No reviewers yet. Ask one or two people who were not in the room to read it.</p>
        )}
        {canWrite ? (
          <div className="ml-auto flex flex-wrap items-center gap-2">
            {postmortem.status !== "published" ? (
              <Button size="sm" variant="secondary" onClick={() => setPicking((p) => !p)} aria-expanded={picking}>
                {postmortem.status === "in_review" ? "Change reviewers" : "Ask for review"}
              </Button>
            ) : null}
            {postmortem.status === "in_review" ? (
              <>
                <Button size="sm" variant="secondary" disabled={busy} onClick={() => void act("/reviews", { state: "approved", comment })}>
                  Approve
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={busy || !comment.trim()}
                  title={comment.trim() ? undefined : "Say what to change in the comment box"}
                  onClick={() => void act("/reviews", { state: "changes_requested", comment })}
                >
                  Request changes
                </Button>
              </>
            ) : null}
            {canPublish && postmortem.status === "in_review" ? (
              <Button
                size="sm"
                disabled={busy || approvals === 0}
                title={approvals === 0 ? "Needs at least one approval" : undefined}
                onClick={() => void act("/publish", {})}
              >
                Publish{postmortem.publishedRevision ? ` revision ${postmortem.publishedRevision + 1}` : ""}
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
      {canWrite && postmortem.status === "in_review" ? (
        <div className="space-y-1">
          <label htmlFor="review-comment" className="block text-xs text-ink-muted">
            Review comment{" "}
            {postmortem.reviews.some((r) => r.reviewer.id === viewerId) ? "(you were asked to review)" : "(optional for approval)"}
          </label>
          <Textarea
            id="review-comment"
            rows={2}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            maxLength={2000}
            placeholder="What reads well, what to change before publishing"
          />
          {canPublish && approvals === 0 ? <p className="text-xs text-ink-muted">Publishing needs at least one approval.</p> : null}
        </div>
      ) : null}
      {picking ? (
        <fieldset className="space-y-2 border-t border-line pt-3">
          <legend className="text-xs font-semibold uppercase tracking-wide text-ink-muted">Reviewers</legend>
          <div className="grid gap-1 sm:grid-cols-3">
            {reviewers.map((m) => (
              <label key={m.id} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={chosen.includes(m.id)}
                  onChange={(e) => setChosen((c) => (e.target.checked ? [...c, m.id] : c.filter((x) => x !== m.id)))}
                />
                {m.name}
              </label>
            ))}
          </div>
          {errors.reviewerIds ? (
            <p role="alert" className="text-xs text-sev1">
              {errors.reviewerIds}
            </p>
          ) : null}
          <Button size="sm" disabled={busy || chosen.length === 0} onClick={() => void act("/review-request", { reviewerIds: chosen })}>
            Send for review
          </Button>
        </fieldset>
      ) : null}
      {failure ? (
        <p role="alert" className="text-sm font-medium text-sev1">
          {failure}
        </p>
      ) : null}
    </div>
  );
}
