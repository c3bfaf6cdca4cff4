import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { notFound } from "../errors/app-error.ts";
import { ZIncidentId } from "../incident-record/schemas.ts";
import { postmortemSelect, toPostmortemDto, toRevisionDto, type PostmortemDto, type PostmortemRevisionDto } from "./postmortem-dto.ts";
import { ZPostmortemId } from "./schemas.ts";

type Client = Prisma.TransactionClient;

/** Scoped to the actor's organisation in the query; a foreign or malformed id is a 404. */
export async function loadPostmortem(client: Client, actor: Actor, postmortemId: string): Promise<PostmortemDto> {
  if (!ZPostmortemId.safeParse(postmortemId).success) throw notFound("Post-mortem");
  const row = await client.postmortem.findFirst({
    where: { id: postmortemId, organizationId: actor.organizationId },
    select: postmortemSelect,
  });
  if (!row) throw notFound("Post-mortem");
  return toPostmortemDto(row);
}

/** Anyone in the organisation reads post-mortems, drafts included; only writers change them. */
export async function getPostmortem(actor: Actor, postmortemId: string): Promise<PostmortemDto> {
  assertCan(actor, "incident:read");
  return loadPostmortem(db(), actor, postmortemId);
}

/** The incident's post-mortem, or a 404 when none was drafted yet. */
export async function getIncidentPostmortem(actor: Actor, incidentId: string): Promise<PostmortemDto> {
  assertCan(actor, "incident:read");
  if (!ZIncidentId.safeParse(incidentId).success) throw notFound("Post-mortem");
  const row = await db().postmortem.findFirst({ where: { incidentId, organizationId: actor.organizationId }, select: postmortemSelect });
  if (!row) throw notFound("Post-mortem");
  return toPostmortemDto(row);
}

/** The id of an incident's post-mortem, if one exists (for the room's button). */
export async function findPostmortemId(actor: Actor, incidentId: string): Promise<string | null> {
  assertCan(actor, "incident:read");
  const row = await db().postmortem.findFirst({ where: { incidentId, organizationId: actor.organizationId }, select: { id: true } });
  return row?.id ?? null;
}

/** One frozen published revision. */
export async function getPostmortemRevision(actor: Actor, postmortemId: string, number: string): Promise<PostmortemRevisionDto> {
  assertCan(actor, "incident:read");
  const n = Number(number);
  if (!ZPostmortemId.safeParse(postmortemId).success || !Number.isInteger(n) || n < 1) throw notFound("Revision");
  const row = await db().postmortemRevision.findFirst({
    where: { number: n, postmortem: { id: postmortemId, organizationId: actor.organizationId } },
    select: postmortemSelect.revisions.select,
  });
  if (!row) throw notFound("Revision");
  return toRevisionDto(row);
}
