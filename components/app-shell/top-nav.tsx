import Link from "next/link";
import { can, ROLE_LABELS, type RoleName } from "@/lib/auth/permissions.ts";
import { SignOutButton } from "./sign-out-button.tsx";

const LINKS = [
  { href: "/triage", label: "Triage" },
  { href: "/incidents", label: "Incidents" },
  { href: "/catalog", label: "Catalog" },
  { href: "/map", label: "Map" },
] as const;

export function TopNav({ user }: { user: { name: string; role: RoleName } }) {
  return (
    <header className="h-12 border-b border-line bg-surface">
      <nav aria-label="Main" className="mx-auto flex h-full max-w-[1600px] items-center gap-6 px-4">
        <Link href="/triage" className="flex items-center gap-2 font-bold tracking-tight">
          <span aria-hidden className="text-sev1">●</span> Warroom
        </Link>
        {LINKS.map((l) => (
          <Link key={l.href} href={l.href} className="text-sm text-ink-muted hover:text-ink">
            {l.label}
          </Link>
        ))}
        {can(user.role, "org:admin") ? (
          <Link href="/settings" className="text-sm text-ink-muted hover:text-ink">
            Settings
          </Link>
        ) : null}
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span className="hidden text-ink sm:inline">{user.name}</span>
          <span className="hidden rounded border border-line px-1.5 py-0.5 text-xs text-ink-muted sm:inline" title={`Signed in as ${user.name}`}>{ROLE_LABELS[user.role]}</span>
          <SignOutButton />
        </div>
      </nav>
    </header>
  );
}
