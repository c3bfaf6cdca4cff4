/** "estimated from alert": the figure came from the alert's service journeys, not from a person. */
export function EstimatedTag() {
  return (
    <span
      className="ml-2 rounded border border-warn/50 px-1 text-[11px] font-normal whitespace-nowrap text-warn"
      data-testid="impact-estimated"
      title="Set by the alert from the service's journeys; nobody has confirmed it yet"
    >
      estimated from alert
    </span>
  );
}
