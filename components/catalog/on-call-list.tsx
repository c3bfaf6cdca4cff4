import { MemberStatus } from "./member-status.tsx";

/**
 * On-call contacts in calling order, then who to escalate to. A contact that is the email of a
 * person who has not joined yet (or was deactivated) says so: they cannot be reached in Warroom.
 */
export function OnCallList({
  onCall,
  escalation,
  notReachable = {},
}: {
  onCall: string[];
  escalation: string;
  notReachable?: Record<string, "invited" | "deactivated">;
}) {
  return (
    <dl className="space-y-2 text-sm">
      <div>
        <dt className="text-xs text-ink-muted">On call</dt>
        <dd>
          {onCall.length ? (
            <ol className="mt-0.5 space-y-0.5">
              {onCall.map((c, i) => (
                <li key={`${i}-${c}`} className="flex gap-2">
                  <span className="w-4 shrink-0 text-right text-xs text-ink-faint tabular">{i + 1}.</span>
                  <span className="min-w-0 break-words">
                    {c}
                    {notReachable[c.trim().toLowerCase()] ? (
                      <MemberStatus status={notReachable[c.trim().toLowerCase()] ?? "invited"} />
                    ) : null}
                  </span>
                </li>
              ))}
            </ol>
          ) : (
            <span className="text-xs font-medium text-warn">
              <span aria-hidden>! </span>Nobody listed: add an on-call contact
            </span>
          )}
        </dd>
      </div>
      <div>
        <dt className="text-xs text-ink-muted">Escalate to</dt>
        <dd className="break-words">{escalation || <span className="text-ink-faint">Not set</span>}</dd>
      </div>
    </dl>
  );
}
