import type { ReactNode } from "react";
import { TopNav } from "@/components/app-shell/top-nav.tsx";
import { DemoBanner } from "@/components/people/demo-banner.tsx";
import { getPageActor } from "@/lib/auth/page-actor.ts";
import { showsDemoWarning } from "@/lib/people/demo-organisation.ts";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await getPageActor();
  return (
    <div className="flex min-h-screen flex-col">
      {(await showsDemoWarning(actor)) ? <DemoBanner /> : null}
      <TopNav user={{ name: actor.name, role: actor.role }} />
      <div className="flex min-h-0 flex-1 flex-col">{children}</div>
    </div>
  );
}
