import Link from "next/link";
import type { ReactNode } from "react";

const TABS = [
  { href: "/settings/impact", label: "Impact baselines" },
  { href: "/settings/tokens", label: "API tokens" },
] as const;

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <main className="mx-auto w-full max-w-[1200px] px-4 py-6">
      <h1 className="text-xl font-semibold">Settings</h1>
      <nav aria-label="Settings" className="mt-3 flex gap-4 border-b border-line text-sm">
        {TABS.map((t) => (
          <Link key={t.href} href={t.href} className="-mb-px border-b-2 border-transparent px-1 pb-2 text-ink-muted hover:text-ink">
            {t.label}
          </Link>
        ))}
      </nav>
      <div className="mt-6">{children}</div>
    </main>
  );
}
