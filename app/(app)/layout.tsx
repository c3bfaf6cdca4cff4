import type { ReactNode } from "react";
import { TopNav } from "@/components/app-shell/top-nav.tsx";
import { DemoBanner } from "@/components/people/demo-banner.tsx";
import { TimeZoneProvider } from "@/components/time/time-zone.tsx";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { showsDemoWarning } from "@/lib/people/shows-demo-warning.ts";
import { getOrganizationTimeZone } from "@/lib/time/get-organization-time-zone.ts";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await getPageActor();
  const organizationZone = await getOrganizationTimeZone(actor);
  return (
    <TimeZoneProvider organizationZone={organizationZone}>
      <div className="flex min-h-screen flex-col">
        {(await showsDemoWarning(actor)) ? <DemoBanner /> : null}
        <TopNav user={{ name: actor.name, role: actor.role }} />
        <div className="flex min-h-0 flex-1 flex-col">{children}</div>
      </div>
    </TimeZoneProvider>
  );
}
