"use client";
import { Handle, Position, useStore, type Node, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { GraphServiceDto } from "@/lib/catalog/get-catalog-graph.ts";
import { cn } from "../../ui/cn.ts";
import { HEALTH_INFO } from "./map-style.ts";
import type { IncidentRole } from "./map-view.ts";

export interface ServiceNodeData extends Record<string, unknown> {
  service: GraphServiceDto;
  color: string;
  role: IncidentRole | null;
  isDimmed: boolean;
  isMatch: boolean;
}

export type ServiceNodeType = Node<ServiceNodeData, "service">;

/** Below this zoom the full card's small print is unreadable: switch to large type. */
const COMPACT_ZOOM = 0.7;

const SEVERITY_TEXT = { SEV1: "text-sev1", SEV2: "text-sev2", SEV3: "text-sev3", SEV4: "text-sev4" } as const;

function roleLabel(role: IncidentRole): string {
  if (role.kind === "impacted") return "Impacted";
  if (role.kind === "suspect") return "Suspect";
  return `Affected · ${role.depth} ${role.depth === 1 ? "hop" : "hops"}`;
}

function ServiceNodeView({ data, selected }: NodeProps<ServiceNodeType>) {
  const isCompact = useStore((s) => s.transform[2] < COMPACT_ZOOM);
  const { service, color, role, isDimmed, isMatch } = data;
  const health = HEALTH_INFO[service.health];
  const incident = service.openIncidents[0];
  return (
    <div
      data-testid="map-node"
      data-service={service.name}
      data-health={service.health}
      data-role={role?.kind ?? "none"}
      data-dimmed={isDimmed}
      data-match={isMatch}
      className={cn(
        "relative flex h-full w-full overflow-hidden rounded-md border bg-surface text-left shadow-sm",
        service.health === "down" || service.health === "degraded" ? `border-2 ${health.border}` : "border-line-strong",
        selected && "ring-2 ring-ink ring-offset-2 ring-offset-canvas",
        !selected && isMatch && "ring-2 ring-accent ring-offset-2 ring-offset-canvas",
        // The blast radius by outline and pattern, not a hue: impacted double-outlined and striped,
        // affected dash-outlined. Team colours stay the team's.
        role?.kind === "impacted" &&
          "bg-[repeating-linear-gradient(135deg,rgba(230,237,243,0.09)_0_6px,transparent_6px_12px)] outline-4 outline-offset-2 outline-ink outline-double",
        role?.kind === "affected" && "outline-2 outline-offset-2 outline-ink-muted outline-dashed",
        isDimmed && "opacity-25",
      )}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className="!h-2 !w-2 !min-w-0 !border-0 !bg-line-strong" />
      <span aria-hidden className="w-1.5 shrink-0" style={{ backgroundColor: color }} />
      {isCompact ? (
        <CompactCard service={service} role={role} />
      ) : (
        <div className="flex min-w-0 flex-1 flex-col justify-between px-2.5 py-1.5">
          <div className="flex items-start gap-2">
            <span className="min-w-0 flex-1 truncate text-[13px] font-semibold leading-tight text-ink" title={service.name}>
              {service.name}
            </span>
            <span
              className="shrink-0 rounded border border-line px-1 text-[10px] font-semibold text-ink-muted"
              title={`Tier ${service.tier}`}
            >
              T{service.tier}
            </span>
          </div>
          <span className="truncate text-[11px] text-ink-muted">{service.team.name}</span>
          <div className="flex items-center gap-2 text-[11px]">
            <span className={cn("inline-flex items-center gap-1 font-medium", health.text)}>
              <span aria-hidden>{health.mark}</span>
              {health.label}
            </span>
            {role ? (
              <span
                className={cn(
                  "rounded px-1 font-medium",
                  role.kind === "impacted" ? "bg-ink text-canvas" : "border border-dashed border-ink-muted text-ink",
                )}
              >
                {roleLabel(role)}
              </span>
            ) : null}
            {incident ? (
              <span
                className={cn("ml-auto shrink-0 font-mono text-[10px]", SEVERITY_TEXT[incident.severity])}
                title={`${incident.ref} ${incident.severity}: ${incident.title}`}
              >
                {incident.severity} {incident.ref}
                {service.openIncidents.length > 1 ? ` +${service.openIncidents.length - 1}` : ""}
              </span>
            ) : null}
          </div>
        </div>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} className="!h-2 !w-2 !min-w-0 !border-0 !bg-line-strong" />
    </div>
  );
}

/**
 * Zoomed out: the name as large as the card allows; below it what needs attention (health when
 * not fine, the incident role), else tier and team in words, so colour is never the only cue.
 */
function CompactCard({ service, role }: { service: GraphServiceDto; role: IncidentRole | null }) {
  const health = HEALTH_INFO[service.health];
  const isAlarming = service.health === "down" || service.health === "degraded";
  return (
    <div className="flex min-w-0 flex-1 flex-col justify-center gap-0.5 px-3">
      <span className="line-clamp-2 break-words text-[21px] font-semibold leading-[1.1] text-ink">{service.name}</span>
      <span className="truncate text-[16px] font-semibold leading-tight">
        {isAlarming ? (
          <span className={health.text}>
            {health.mark} {health.label}
          </span>
        ) : null}
        {role ? <span className={cn("text-accent", isAlarming && "ml-2")}>{roleLabel(role)}</span> : null}
        {!isAlarming && !role ? (
          <span className="font-medium text-ink-muted">
            T{service.tier} · {service.team.name}
          </span>
        ) : null}
      </span>
    </div>
  );
}

export const ServiceNode = memo(ServiceNodeView);
