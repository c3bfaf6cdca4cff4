import type { Metadata } from "next";
import { ImpactSettingsForm } from "@/components/settings/impact/impact-settings-form.tsx";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { can } from "@/lib/auth/permissions.ts";
import { getImpactSettings } from "@/lib/impact/impact-settings.ts";

export const metadata: Metadata = { title: "Impact baselines · Settings" };

export default async function ImpactSettingsPage() {
  const actor = await getPageActor("/settings/impact");
  const settings = await getImpactSettings(actor);
  return <ImpactSettingsForm initial={settings} readOnly={!can(actor.role, "org:admin")} />;
}
