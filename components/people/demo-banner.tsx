import Link from "next/link";

/** For admins of the demo organisation: everyone knows these passwords. */
export function DemoBanner() {
  return (
    <div role="note" data-testid="demo-banner" className="border-b border-warn/50 bg-warn/10 px-4 py-1.5 text-center text-xs text-ink">
      <span aria-hidden className="mr-1 text-warn">▲</span>
      <strong className="font-semibold">Demo data – shared passwords.</strong> The demo accounts’ password is published in the README. For real use, start on an empty
      database (<code className="font-mono">SEED_DEMO=false</code>) and set up your organisation, or{" "}
      <Link href="/settings/people" className="text-accent underline">
        deactivate the demo accounts
      </Link>
      .
    </div>
  );
}
