import Link from "next/link";
import { can, ROLE_LABELS, type RoleName } from "@/lib/auth/permissions.ts";
import { NavScroller } from "./nav-scroller.tsx";
import { SignOutButton } from "./sign-out-button.tsx";

const LINKS = [
  { href: "/triage", label: "Triage" },
  { href: "/incidents", label: "Incidents" },
  { href: "/catalog", label: "Catalog" },
  { href: "/map", label: "Map" },
  { href: "/postmortems", label: "Post-mortems" },
  { href: "/follow-ups", label: "Follow-ups" },
  { href: "/insights", label: "Insights" },
  { href: "/readiness", label: "Readiness" },
] as const;

export function TopNav({ user }: { user: { name: string; role: RoleName } }) {
  return (
    <header className="h-12 border-b border-line bg-surface print:hidden">
      <nav aria-label="Main" className="mx-auto flex h-full max-w-[1600px] items-center gap-4 px-4 sm:gap-6">
        <Link href="/triage" aria-label="Warroom, triage" className="flex shrink-0 items-center gap-2 font-bold tracking-tight">
          <span aria-hidden className="text-sev1">
            ●
          </span>{" "}
          <span className="hidden sm:inline">Warroom</span>
        </Link>
        {/* On a phone the links scroll sideways rather than pushing the page wider. */}
        <NavScroller>
          {LINKS.map((l) => (
            <Link key={l.href} href={l.href} className="shrink-0 whitespace-nowrap text-sm text-ink-muted hover:text-ink">
              {l.label}
            </Link>
          ))}
          {/* Those who run drills get the link; everyone else can still open /drills to read past ones. */}
          {can(user.role, "drill:run") ? (
            <Link href="/drills" className="shrink-0 whitespace-nowrap text-sm text-ink-muted hover:text-ink">
              Drills
            </Link>
          ) : null}
          {/* Everyone has settings of their own (API tokens); admins also edit the organisation's. */}
          <Link
            href={can(user.role, "org:admin") ? "/settings" : "/settings/tokens"}
            className="shrink-0 whitespace-nowrap text-sm text-ink-muted hover:text-ink"
          >
            Settings
          </Link>
        </NavScroller>
        <div className="flex shrink-0 items-center gap-3 text-sm">
          <span className="hidden text-ink sm:inline">{user.name}</span>
          <span
            className="hidden rounded border border-line px-1.5 py-0.5 text-xs text-ink-muted sm:inline"
            title={`Signed in as ${user.name}`}
          >
            {ROLE_LABELS[user.role]}
          </span>
          <SignOutButton />
        </div>
      </nav>
    </header>
  );
}
