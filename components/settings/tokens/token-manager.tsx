"use client";
import Link from "next/link";
import { useState } from "react";
import type { ApiTokenDto } from "@/lib/people/api-tokens.ts";
import { apiRequest } from "../../api/api-client.ts";
import { CreateTokenForm } from "./create-token-form.tsx";
import { NewTokenNotice } from "./new-token-notice.tsx";
import { TokenList } from "./token-list.tsx";

interface Props {
  initial: ApiTokenDto[];
  viewer: { userId: string; isAdmin: boolean };
}

export function TokenManager({ initial, viewer }: Props) {
  const [tokens, setTokens] = useState(initial);
  const [fresh, setFresh] = useState<{ name: string; token: string } | null>(null);
  const mine = tokens.filter((t) => t.owner.id === viewer.userId);
  const others = tokens.filter((t) => t.owner.id !== viewer.userId);

  async function revoke(token: ApiTokenDto): Promise<string | null> {
    const res = await apiRequest<ApiTokenDto>(`/api/tokens/${token.id}`, { method: "DELETE" });
    if (!res.ok) return res.error.message;
    setTokens((list) => list.map((t) => (t.id === res.data.id ? res.data : t)));
    return null;
  }

  return (
    <div className="space-y-6">
      <div className="max-w-3xl space-y-1">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-lg font-semibold">API tokens</h2>
          <Link href="/api-docs" className="text-sm text-accent hover:underline">
            API reference
          </Link>
        </div>
        <p className="text-sm text-ink-muted">
          A token acts as you, limited by its scope, on the REST API (<code className="font-mono text-xs">Authorization: Bearer wr_…</code>
          ). Services use one to push their health to the map. Only a hash is stored: lose the token and you create a new one.
        </p>
      </div>
      {fresh ? <NewTokenNotice name={fresh.name} token={fresh.token} onDismiss={() => setFresh(null)} /> : null}
      <CreateTokenForm
        onCreated={({ token, apiToken }) => {
          setTokens((list) => [apiToken, ...list]);
          setFresh({ name: apiToken.name, token });
        }}
      />
      <section className="space-y-2" aria-labelledby="my-tokens">
        <h2 id="my-tokens" className="font-semibold">
          Your tokens
        </h2>
        <TokenList tokens={mine} showOwner={false} onRevoke={revoke} />
      </section>
      {viewer.isAdmin && others.length ? (
        <section className="space-y-2" aria-labelledby="org-tokens">
          <h2 id="org-tokens" className="font-semibold">
            Everyone else’s tokens
          </h2>
          <p className="text-sm text-ink-muted">As an admin you can revoke any token in the organisation, say when someone leaves.</p>
          <TokenList tokens={others} showOwner onRevoke={revoke} />
        </section>
      ) : null}
    </div>
  );
}
