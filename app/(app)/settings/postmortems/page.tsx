import type { Metadata } from "next";
import { TemplateSettings } from "@/components/settings/postmortems/template-settings.tsx";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { can } from "@/lib/auth/permissions.ts";
import { getPostmortemSettings } from "@/lib/postmortems/get-postmortem-settings.ts";

export const metadata: Metadata = { title: "Post-mortem templates · Settings" };

export default async function PostmortemSettingsPage() {
  const actor = await getPageActor("/settings/postmortems");
  return <TemplateSettings initial={await getPostmortemSettings(actor)} isAdmin={can(actor.role, "org:admin")} />;
}
