import type { ReactNode } from "react";
import { SettingsTabs } from "@/components/settings/settings-tabs.tsx";

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <main className="mx-auto w-full max-w-[1200px] px-4 py-6">
      <h1 className="text-xl font-semibold">Settings</h1>
      <SettingsTabs />
      <div className="mt-6">{children}</div>
    </main>
  );
}
