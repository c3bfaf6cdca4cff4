"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn.ts";

const TABS = [
  { href: "/settings/account", label: "Account", adminOnly: false },
  { href: "/settings/people", label: "People", adminOnly: true },
  { href: "/settings/impact", label: "Impact baselines", adminOnly: false },
  { href: "/settings/tokens", label: "API tokens", adminOnly: false },
  { href: "/settings/integrations", label: "Integrations", adminOnly: true },
  { href: "/settings/audit", label: "Audit log", adminOnly: true },
  { href: "/settings/postmortems", label: "Post-mortem templates", adminOnly: false },
  { href: "/settings/notifications", label: "Notifications", adminOnly: true },
] as const;

export function SettingsTabs({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="mt-3 flex gap-4 overflow-x-auto border-b border-line text-sm">
      {TABS.filter((t) => isAdmin || !t.adminOnly).map((t) => {
        const current = pathname === t.href || pathname.startsWith(`${t.href}/`);
        return (
          <Link
            key={t.href}
            href={t.href}
            aria-current={current ? "page" : undefined}
            className={cn(
              "-mb-px shrink-0 whitespace-nowrap border-b-2 px-1 pb-2",
              current ? "border-accent font-medium text-ink" : "border-transparent text-ink-muted hover:text-ink",
            )}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
