import { assertCan, type Actor } from "../auth/actor.ts";
import { commitIncidentChange } from "./commit-incident-change.ts";
import type { IncidentDto } from "../incident-record/incident-dto.ts";
import { lockIncident } from "../incident-record/lock-incident.ts";
import { ZSetServices } from "../incident-record/schemas.ts";
import { involvedTeamsIfRouted } from "../outbound/enqueue-outbound.ts";
import { autoPageSev1 } from "../paging/auto-page-sev1.ts";
import { invalidField } from "../errors/field-errors.ts";

/** Replaces the set of impacted services; the difference is written to the timeline. */
export async function setImpactedServices(actor: Actor, incidentId: string, raw: unknown): Promise<IncidentDto> {
  assertCan(actor, "incident:edit");
  const wanted = [...new Set(ZSetServices.parse(raw).serviceIds)];
  const incident = await commitIncidentChange(actor, incidentId, async (tx) => {
    await lockIncident(tx, actor, incidentId);
    const found = await tx.service.findMany({
      where: { id: { in: wanted }, organizationId: actor.organizationId },
      select: { id: true, name: true },
    });
    // In the order the person picked them, so the timeline reads the way they marked it.
    const services = found.sort((a, b) => wanted.indexOf(a.id) - wanted.indexOf(b.id));
    const unknown = wanted.filter((id) => !services.some((s) => s.id === id));
    if (unknown.length) {
      const message = `unknown service ${unknown.join(", ")}`;
      throw invalidField("serviceIds", message);
    }
    const current = (
      await tx.incidentService.findMany({ where: { incidentId }, select: { service: { select: { id: true, name: true } } } })
    ).map((c) => c.service);
    const added = services.filter((s) => !current.some((c) => c.id === s.id));
    const removed = current.filter((s) => !wanted.includes(s.id));
    if (!added.length && !removed.length) return null;
    // Teams pulled in by this change hear about the incident on their own channels.
    const involvedBefore = await involvedTeamsIfRouted(
      tx,
      actor.organizationId,
      current.map((s) => s.id),
      "incident.declared",
    );
    await tx.incidentService.deleteMany({ where: { incidentId, serviceId: { in: removed.map((s) => s.id) } } });
    await tx.incidentService.createMany({ data: added.map((s) => ({ incidentId, serviceId: s.id })) });
    const body = [
      added.length ? `impacted: ${added.map((s) => s.name).join(", ")}` : "",
      removed.length ? `no longer impacted: ${removed.map((s) => s.name).join(", ")}` : "",
    ]
      .filter(Boolean)
      .join("; ");
    return {
      kind: "impact_change",
      body: body.charAt(0).toUpperCase() + body.slice(1),
      data: { field: "services", added: added.map((s) => s.id), removed: removed.map((s) => s.id) },
      audit: { action: "incident.services", before: { serviceIds: current.map((s) => s.id) }, after: { serviceIds: wanted } },
      outbound: involvedBefore && added.length ? { event: "incident.declared", newlyInvolvedSince: involvedBefore } : undefined,
    };
  });
  if (incident.severity === "SEV1") await autoPageSev1(actor.organizationId, incident.id);
  return incident;
}
