import type { ReactNode } from "react";
import { SettingsTabs } from "@/components/settings/settings-tabs.tsx";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { can } from "@/lib/auth/permissions.ts";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const actor = await getPageActor("/settings");
  return (
    <main className="mx-auto w-full max-w-[1200px] px-4 py-6">
      <h1 className="text-xl font-semibold">Settings</h1>
      <SettingsTabs isAdmin={can(actor.role, "org:admin")} />
      <div className="mt-6">{children}</div>
    </main>
  );
}
