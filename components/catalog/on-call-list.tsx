/** On-call contacts in calling order, then who to escalate to. */
export function OnCallList({ onCall, escalation }: { onCall: string[]; escalation: string }) {
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
                  <span className="min-w-0 break-words">{c}</span>
                </li>
              ))}
            </ol>
          ) : (
            <span className="text-xs font-medium text-warn"><span aria-hidden>! </span>Nobody listed: add an on-call contact</span>
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
