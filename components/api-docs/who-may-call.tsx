import { ROLE_LABELS } from "@/lib/auth/permissions.ts";
import { scopesAtLeast } from "@/lib/openapi/reference-sections.ts";
import type { OpenApiOperation } from "@/lib/openapi/types.ts";

/** Who may call an operation: how they authenticate, which roles, which token scopes. */
export function WhoMayCall({ operation }: { operation: OpenApiOperation }) {
  const auth = operation["x-warroom-auth"];
  if (auth === "public") return <p className="text-sm text-ink-muted">Public: no sign-in or token needed.</p>;
  if (auth === "webhook") {
    return (
      <p className="text-sm text-ink-muted">The alert source, with its integration’s secret or signature (not a session or API token).</p>
    );
  }
  const roles = operation["x-warroom-roles"] ?? [];
  const scope = operation["x-warroom-scope"];
  const note = operation["x-warroom-roles-note"];
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
      <dt className="text-ink-muted">Roles</dt>
      <dd>
        {roles.map((r) => ROLE_LABELS[r]).join(", ")}
        {note ? <span className="text-ink-muted"> ({note})</span> : null}
      </dd>
      {scope ? (
        <>
          <dt className="text-ink-muted">Token scope</dt>
          <dd>
            {scopesAtLeast(scope).map((s, i) => (
              <span key={s}>
                {i > 0 ? " or " : null}
                <code className="font-mono text-[13px]">{s}</code>
              </span>
            ))}
            <span className="text-ink-muted"> · or a signed-in session</span>
          </dd>
        </>
      ) : null}
    </dl>
  );
}
