/** Beside a team member's name: not reachable in Warroom yet (invited) or any more (deactivated). */
export function MemberStatus({ status }: { status: "invited" | "deactivated" }) {
  return (
    <span
      data-testid="member-status"
      className="ml-2 inline-flex items-center gap-1 rounded border border-warn/50 px-1 text-[11px] text-warn"
    >
      <span aria-hidden>{status === "invited" ? "◌" : "○"}</span>
      {status === "invited" ? "invited, not joined yet" : "deactivated"}
    </span>
  );
}
