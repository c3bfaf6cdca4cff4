import type { Metadata } from "next";
import { IntegrationsManager } from "@/components/settings/integrations/integrations-manager.tsx";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { can } from "@/lib/auth/permissions.ts";
import { listServices } from "@/lib/catalog/list-services.ts";
import { listIntegrations } from "@/lib/integrations/list-integrations.ts";

export const metadata: Metadata = { title: "Integrations · Settings" };

export default async function IntegrationsPage() {
  const actor = await getPageActor("/settings/integrations");
  if (!can(actor.role, "org:admin")) {
    return (
      <p className="rounded-md border border-line bg-surface p-4 text-sm text-ink-muted">
        Alert sources are set up by admins. Ask an admin of your organisation to connect your monitoring.
      </p>
    );
  }
  const [integrations, services] = await Promise.all([listIntegrations(actor), listServices(actor)]);
  return <IntegrationsManager initial={integrations} services={services.map((s) => ({ id: s.id, name: s.name }))} />;
}
