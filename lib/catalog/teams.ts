import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import { publishCatalogChanged } from "../realtime/emit.ts";
import type { DeletedDto, TeamDetailDto, TeamDto } from "./catalog-dto.ts";
import { isUniqueViolation } from "../db/unique-violation.ts";
import { assertId, invalidField } from "../errors/field-errors.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";
import { ZTeamInput, ZTeamPatch } from "./schemas.ts";

type Tx = Prisma.TransactionClient;

const teamSelect = {
  id: true,
  name: true,
  chatChannel: true,
  description: true,
  onCall: true,
  escalationContact: true,
  members: { select: { user: { select: { id: true, name: true, email: true, role: true, pendingInvite: true, deactivatedAt: true } } }, orderBy: { user: { name: "asc" } } },
  _count: { select: { services: true } },
} satisfies Prisma.TeamSelect;

const teamDetailSelect = {
  ...teamSelect,
  services: { select: { id: true, name: true, kind: true, tier: true, health: true }, orderBy: [{ tier: "asc" }, { name: "asc" }] },
} satisfies Prisma.TeamSelect;

type TeamRow = Prisma.TeamGetPayload<{ select: typeof teamSelect }>;

function toTeamDto({ members, _count, ...team }: TeamRow): TeamDto {
  const member = ({ user: { pendingInvite, deactivatedAt, ...user } }: (typeof members)[number]) => ({
    ...user,
    status: deactivatedAt ? ("deactivated" as const) : pendingInvite ? ("invited" as const) : ("active" as const),
  });
  return { ...team, members: members.map(member), serviceCount: _count.services };
}

/** Every team of the organisation with its on-call, members and how many services it owns. */
export async function listTeams(actor: Actor): Promise<TeamDto[]> {
  assertCan(actor, "incident:read");
  const rows = await db().team.findMany({ where: { organizationId: actor.organizationId }, select: teamSelect, orderBy: { name: "asc" } });
  return rows.map(toTeamDto);
}

async function loadTeam(client: Tx, actor: Actor, teamId: string): Promise<TeamDetailDto> {
  const row = await client.team.findFirst({ where: { id: teamId, organizationId: actor.organizationId }, select: teamDetailSelect });
  if (!row) throw notFound("Team");
  return { ...toTeamDto(row), services: row.services };
}

/** One team with the services it owns; another organisation's team is a 404. */
export async function getTeam(actor: Actor, teamId: string): Promise<TeamDetailDto> {
  assertCan(actor, "incident:read");
  assertId(teamId, "Team");
  return loadTeam(db(), actor, teamId);
}

// Names are how people and imports refer to teams: "payments" and "Payments" are the same team.
async function assertNameFree(tx: Tx, actor: Actor, name: string, exceptId?: string): Promise<void> {
  const clash = await tx.team.findFirst({
    where: { organizationId: actor.organizationId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { name: true },
  });
  if (clash) throw invalidField("name", `a team named "${clash.name}" already exists`);
}

/** Members must be people of the organisation; duplicates collapse. */
async function resolveMembers(tx: Tx, actor: Actor, memberIds: string[]): Promise<string[]> {
  const wanted = [...new Set(memberIds)];
  const found = await tx.user.findMany({ where: { id: { in: wanted }, organizationId: actor.organizationId }, select: { id: true } });
  const unknown = wanted.filter((id) => !found.some((u) => u.id === id));
  if (unknown.length) throw invalidField("memberIds", `unknown user ${unknown.join(", ")}`);
  return wanted;
}

const emptyToNull = (v: string | null | undefined) => (v === undefined ? undefined : v ? v : null);

function nameTaken(error: unknown, name: string | undefined): AppError | null {
  return isUniqueViolation(error) && name ? invalidField("name", `a team named "${name}" already exists`) : null;
}

export async function createTeam(actor: Actor, input: unknown): Promise<TeamDetailDto> {
  assertCan(actor, "catalog:edit");
  const data = ZTeamInput.parse(input);
  try {
    const team = await db().$transaction(async (tx) => {
      await assertNameFree(tx, actor, data.name);
      const memberIds = await resolveMembers(tx, actor, data.memberIds ?? []);
      const { id } = await tx.team.create({
        data: {
          organizationId: actor.organizationId,
          name: data.name,
          chatChannel: emptyToNull(data.chatChannel) ?? null,
          description: data.description ?? "",
          onCall: data.onCall ?? [],
          escalationContact: data.escalationContact ?? "",
          members: { create: memberIds.map((userId) => ({ userId })) },
        },
        select: { id: true },
      });
      const team = await loadTeam(tx, actor, id);
      await recordAudit(tx, actor, { action: "team.create", entityType: "Team", entityId: id, after: auditView(team) });
      return team;
    }, TX_OPTIONS);
    publishCatalogChanged(actor.organizationId, { entity: "team", action: "created", id: team.id });
    return team;
  } catch (error) {
    throw nameTaken(error, data.name) ?? error;
  }
}

/** Changes the fields sent; `memberIds` replaces the member list. */
export async function updateTeam(actor: Actor, teamId: string, input: unknown): Promise<TeamDetailDto> {
  assertCan(actor, "catalog:edit");
  assertId(teamId, "Team");
  const data = ZTeamPatch.parse(input);
  try {
    const team = await db().$transaction(async (tx) => {
      const before = await loadTeam(tx, actor, teamId);
      if (data.name !== undefined) await assertNameFree(tx, actor, data.name, teamId);
      const memberIds = data.memberIds === undefined ? undefined : await resolveMembers(tx, actor, data.memberIds);
      await tx.team.update({
        where: { id: teamId },
        data: {
          name: data.name,
          chatChannel: emptyToNull(data.chatChannel),
          description: data.description,
          onCall: data.onCall,
          escalationContact: data.escalationContact,
          members: memberIds ? { deleteMany: {}, create: memberIds.map((userId) => ({ userId })) } : undefined,
        },
      });
      const after = await loadTeam(tx, actor, teamId);
      await recordAudit(tx, actor, { action: "team.update", entityType: "Team", entityId: teamId, before: auditView(before), after: auditView(after) });
      return after;
    }, TX_OPTIONS);
    publishCatalogChanged(actor.organizationId, { entity: "team", action: "updated", id: teamId });
    return team;
  } catch (error) {
    throw nameTaken(error, data.name) ?? error;
  }
}

/** Refused while the team owns services: every service must keep an owner. */
export async function deleteTeam(actor: Actor, teamId: string): Promise<DeletedDto> {
  assertCan(actor, "catalog:edit");
  assertId(teamId, "Team");
  const deleted = await db().$transaction(async (tx) => {
    const team = await loadTeam(tx, actor, teamId);
    if (team.services.length) {
      const names = team.services.map((s) => `"${s.name}"`).join(", ");
      const count = team.services.length === 1 ? "1 service" : `${team.services.length} services`;
      throw new AppError("conflict", `Team "${team.name}" still owns ${count} (${names}); give them another owner or delete them first`, {
        services: team.services.map((s) => ({ id: s.id, name: s.name })),
      });
    }
    await tx.team.delete({ where: { id: teamId } });
    await recordAudit(tx, actor, { action: "team.delete", entityType: "Team", entityId: teamId, before: auditView(team) });
    return { id: team.id, name: team.name };
  }, TX_OPTIONS);
  publishCatalogChanged(actor.organizationId, { entity: "team", action: "deleted", id: teamId });
  return { deleted };
}

function auditView(team: TeamDto) {
  const { name, chatChannel, description, onCall, escalationContact } = team;
  return { name, chatChannel, description, onCall, escalationContact, memberIds: team.members.map((m) => m.id) };
}
