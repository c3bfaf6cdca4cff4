"use client";
import { useState } from "react";
import type { ApiTokenDto } from "@/lib/people/api-tokens.ts";
import { API_TOKEN_SCOPE_LABELS } from "@/lib/auth/api-token-schemas.ts";
import { Timestamp } from "../../time/timestamp.tsx";
import { Button } from "../../ui/button.tsx";
import { cn } from "../../ui/cn.ts";

interface Props {
  tokens: ApiTokenDto[];
  showOwner: boolean;
  onRevoke: (token: ApiTokenDto) => Promise<string | null>;
}

export function TokenList({ tokens, showOwner, onRevoke }: Props) {
  if (tokens.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-line p-8 text-center">
        <p className="font-medium">No API tokens yet.</p>
        <p className="mt-1 text-sm text-ink-muted">Create one for a script, a dashboard, or a service that pushes its health to the map.</p>
      </div>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-line">
      <table className="w-full text-sm" data-testid="token-list">
        <caption className="sr-only">API tokens, newest first</caption>
        <thead className="bg-surface text-left text-xs uppercase tracking-wide text-ink-muted">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Name
            </th>
            {showOwner ? (
              <th scope="col" className="px-4 py-2 font-medium">
                Owner
              </th>
            ) : null}
            <th scope="col" className="px-4 py-2 font-medium">
              Scope
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Token
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Created
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Last used
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {tokens.map((t) => (
            <TokenRow key={t.id} token={t} showOwner={showOwner} onRevoke={onRevoke} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TokenRow({ token, showOwner, onRevoke }: { token: ApiTokenDto; showOwner: boolean; onRevoke: Props["onRevoke"] }) {
  const [isConfirming, setIsConfirming] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isRevoked = token.revokedAt !== null;

  async function revoke() {
    setIsBusy(true);
    const failure = await onRevoke(token);
    setIsBusy(false);
    setError(failure);
    if (!failure) setIsConfirming(false);
  }

  return (
    <tr data-testid="token-row" data-token-name={token.name} className={cn(isRevoked && "text-ink-faint")}>
      <td className="px-4 py-3 font-medium">
        <span className={cn(isRevoked ? "text-ink-faint line-through" : "text-ink")}>{token.name}</span>
        {isRevoked ? (
          <span className="ml-2 rounded border border-line px-1.5 py-0.5 text-xs font-normal text-ink-muted">Revoked</span>
        ) : null}
      </td>
      {showOwner ? <td className="px-4 py-3 text-ink-muted">{token.owner.name}</td> : null}
      <td className="px-4 py-3">{API_TOKEN_SCOPE_LABELS[token.scope].label}</td>
      <td className="px-4 py-3 font-mono text-xs text-ink-muted">{token.prefix}…</td>
      <td className="px-4 py-3 text-ink-muted">
        <Timestamp iso={token.createdAt} withDate />
      </td>
      <td className="px-4 py-3 text-ink-muted">
        {isRevoked && token.revokedAt ? (
          <>
            Revoked <Timestamp iso={token.revokedAt} withDate />
          </>
        ) : token.lastUsedAt ? (
          <Timestamp iso={token.lastUsedAt} withDate />
        ) : (
          "Never"
        )}
      </td>
      <td className="px-4 py-3 text-right whitespace-nowrap">
        {isRevoked ? null : isConfirming ? (
          <span className="inline-flex items-center gap-2">
            <span className="text-xs text-ink-muted">Anything using it stops working.</span>
            <Button variant="danger" size="sm" onClick={() => void revoke()} disabled={isBusy}>
              {isBusy ? "Revoking…" : "Revoke"}
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setIsConfirming(false)} disabled={isBusy}>
              Cancel
            </Button>
          </span>
        ) : (
          <Button variant="secondary" size="sm" onClick={() => setIsConfirming(true)} aria-label={`Revoke ${token.name}`}>
            Revoke…
          </Button>
        )}
        {error ? (
          <p role="alert" className="mt-1 text-xs text-sev1">
            {error}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
