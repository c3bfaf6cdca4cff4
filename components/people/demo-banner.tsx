/** For admins of the demo organisation: everyone knows these passwords. */
export function DemoBanner() {
  return (
    <div role="note" data-testid="demo-banner" className="border-b border-warn/50 bg-warn/10 px-4 py-1.5 text-center text-xs text-ink">
      <span aria-hidden className="mr-1 text-warn">
        ▲
      </span>
      <strong className="font-semibold">Demo data – shared passwords.</strong> Anyone who read the README can sign in here. For your team,
      start on an empty database (README: “Run it for your team”).
    </div>
  );
}
