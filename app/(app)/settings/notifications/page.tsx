import type { Metadata } from "next";
import { NotificationsManager } from "@/components/settings/notifications/notifications-manager.tsx";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { can } from "@/lib/auth/permissions.ts";
import { listTeams } from "@/lib/catalog/list-teams.ts";
import { listChannels } from "@/lib/outbound/list-channels.ts";
import { listDeliveries } from "@/lib/outbound/list-deliveries.ts";
import { loadOutboundConfig } from "@/lib/outbound/outbound-config.ts";
import { AutoPageSetting } from "@/components/paging/auto-page-setting.tsx";
import { getPagingSettings } from "@/lib/paging/get-paging-settings.ts";
import { AutoStatusSetting } from "@/components/status/auto-status-setting.tsx";
import { getStatusSettings } from "@/lib/status/get-status-settings.ts";
import { statusPagePath } from "@/lib/status/status-page-path.ts";

export const metadata: Metadata = { title: "Notifications · Settings" };

export default async function NotificationsPage() {
  const actor = await getPageActor("/settings/notifications");
  if (!can(actor.role, "org:admin")) {
    return (
      <p className="rounded-md border border-line bg-surface p-4 text-sm text-ink-muted">
        Slack, Teams and webhook notifications are set up by admins. Ask an admin of your organisation to connect your team&apos;s channel.
      </p>
    );
  }
  const [channels, deliveries, teams, paging, status, statusHref] = await Promise.all([
    listChannels(actor),
    listDeliveries(actor, {}),
    listTeams(actor),
    getPagingSettings(actor),
    getStatusSettings(actor),
    statusPagePath(actor),
  ]);
  return (
    <div className="space-y-6">
      <AutoPageSetting initial={paging.sev1AutoPage} />
      <AutoStatusSetting initial={status.statusAutoImpact} statusHref={statusHref} />
      <NotificationsManager
        initialChannels={channels}
        initialDeliveries={deliveries}
        teams={teams.map((t) => ({ id: t.id, name: t.name }))}
        maxAttempts={loadOutboundConfig().maxAttempts}
      />
    </div>
  );
}
