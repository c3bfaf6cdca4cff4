import { assertCan, type Actor } from "../auth/actor.ts";
import { can, canCommand } from "../auth/permissions.ts";
import { forbidden } from "../errors/app-error.ts";
import { commitIncidentChange } from "./commit-incident-change.ts";
import type { IncidentDto } from "../incident-record/incident-dto.ts";
import { lockIncident } from "../incident-record/lock-incident.ts";
import { ZResponder, ZSetIncidentRole, type IncidentRoleName } from "../incident-record/schemas.ts";
import type { Prisma } from "../db/generated/client.ts";
import { invalidField } from "../errors/field-errors.ts";

const COLUMN = { commander: "commanderId", comms_lead: "commsLeadId", scribe: "scribeId" } as const;
const LABEL: Record<IncidentRoleName, string> = { commander: "incident commander", comms_lead: "communications lead", scribe: "scribe" };

/** A member of the actor's organisation who can write (viewers cannot hold a role). */
async function memberOrThrow(tx: Prisma.TransactionClient, actor: Actor, userId: string) {
  const user = await tx.user.findFirst({
    where: { id: userId, organizationId: actor.organizationId },
    select: { id: true, name: true, role: true },
  });
  if (!user) throw invalidField("userId", "no such user in your organisation");
  if (!can(user.role, "incident:edit")) throw invalidField("userId", `${user.name} is a viewer and cannot take a role`);
  return user;
}

/** Hands over command, or names the communications lead or scribe. Always logged. */
export async function setIncidentRole(actor: Actor, incidentId: string, raw: unknown): Promise<IncidentDto> {
  assertCan(actor, "incident:edit");
  const input = ZSetIncidentRole.parse(raw);
  return commitIncidentChange(actor, incidentId, async (tx) => {
    const incident = await lockIncident(tx, actor, incidentId);
    if (!canCommand(actor, incident)) throw forbidden("Only the incident commander or a commander can assign roles");
    if (input.role === "commander" && input.userId === null) throw invalidField("userId", "command must be handed to someone");
    const column = COLUMN[input.role];
    if (incident[column] === input.userId) return null;
    const user = input.userId ? await memberOrThrow(tx, actor, input.userId) : null;
    const previous = incident[column] ? await tx.user.findUnique({ where: { id: incident[column] }, select: { name: true } }) : null;
    await tx.incident.update({ where: { id: incidentId }, data: { [column]: user?.id ?? null } });
    const body =
      input.role === "commander"
        ? `${previous?.name ?? "Nobody"} handed command to ${user?.name}`
        : user
          ? `${user.name} is now ${LABEL[input.role]}${previous ? ` (was ${previous.name})` : ""}`
          : `${previous?.name ?? "Nobody"} is no longer ${LABEL[input.role]}`;
    const data = { field: input.role, from: incident[column], to: user?.id ?? null };
    const outbound =
      input.role === "commander"
        ? { event: "incident.commander" as const, data: { from: previous?.name ?? null, to: user?.name ?? null } }
        : undefined;
    return { kind: "role_change", body, data, audit: { action: "incident.role", after: data }, outbound };
  });
}

/** Adds or removes a responder. Anyone who can write may add or remove themselves. */
export async function setResponder(actor: Actor, incidentId: string, raw: unknown, isResponding: boolean): Promise<IncidentDto> {
  assertCan(actor, "incident:edit");
  const { userId } = ZResponder.parse(raw);
  return commitIncidentChange(actor, incidentId, async (tx) => {
    const incident = await lockIncident(tx, actor, incidentId);
    if (userId !== actor.userId && !canCommand(actor, incident)) {
      throw forbidden("Only the incident commander or a commander can add or remove other responders");
    }
    const user = await memberOrThrow(tx, actor, userId);
    const key = { incidentId_userId: { incidentId, userId } };
    const existing = await tx.incidentResponder.findUnique({ where: key });
    if (Boolean(existing) === isResponding) return null;
    if (isResponding) await tx.incidentResponder.create({ data: { incidentId, userId } });
    else await tx.incidentResponder.delete({ where: key });
    const self = userId === actor.userId;
    const body = isResponding
      ? self
        ? `${user.name} joined as responder`
        : `${actor.name} added ${user.name} as responder`
      : self
        ? `${user.name} stepped down as responder`
        : `${actor.name} removed ${user.name} as responder`;
    const data = { field: "responder", from: isResponding ? null : userId, to: isResponding ? userId : null };
    return { kind: "role_change", body, data, audit: { action: "incident.responder", after: data } };
  });
}
