import type { Metadata } from "next";
import { TokenManager } from "@/components/settings/tokens/token-manager.tsx";
import { listApiTokens } from "@/lib/people/api-tokens.ts";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { can } from "@/lib/auth/permissions.ts";

export const metadata: Metadata = { title: "API tokens · Settings" };

// Every signed-in user manages their own tokens here; an admin also sees (and can revoke) everyone's.
export default async function TokensPage() {
  const actor = await getPageActor("/settings/tokens");
  const tokens = await listApiTokens(actor);
  return <TokenManager initial={tokens} viewer={{ userId: actor.userId, isAdmin: can(actor.role, "org:admin") }} />;
}
