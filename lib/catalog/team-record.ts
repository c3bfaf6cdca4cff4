import { type Actor } from "../auth/actor.ts";
import type { Prisma } from "../db/generated/client.ts";
import { type AppError, notFound } from "../errors/app-error.ts";
import type { TeamDetailDto, TeamDto } from "./catalog-dto.ts";
import { isUniqueViolation } from "../db/unique-violation.ts";
import { invalidField } from "../errors/field-errors.ts";

type Tx = Prisma.TransactionClient;

export const teamSelect = {
  id: true,
  name: true,
  chatChannel: true,
  description: true,
  onCall: true,
  escalationContact: true,
  members: {
    select: { user: { select: { id: true, name: true, email: true, role: true, pendingInvite: true, deactivatedAt: true } } },
    orderBy: { user: { name: "asc" } },
  },
  _count: { select: { services: true } },
} satisfies Prisma.TeamSelect;

const teamDetailSelect = {
  ...teamSelect,
  services: { select: { id: true, name: true, kind: true, tier: true, health: true }, orderBy: [{ tier: "asc" }, { name: "asc" }] },
} satisfies Prisma.TeamSelect;

type TeamRow = Prisma.TeamGetPayload<{ select: typeof teamSelect }>;

export function toTeamDto({ members, _count, ...team }: TeamRow): TeamDto {
  const member = ({ user: { pendingInvite, deactivatedAt, ...user } }: (typeof members)[number]) => ({
    ...user,
    status: deactivatedAt ? ("deactivated" as const) : pendingInvite ? ("invited" as const) : ("active" as const),
  });
  return { ...team, members: members.map(member), serviceCount: _count.services };
}

export async function loadTeam(client: Tx, actor: Actor, teamId: string): Promise<TeamDetailDto> {
  const row = await client.team.findFirst({ where: { id: teamId, organizationId: actor.organizationId }, select: teamDetailSelect });
  if (!row) throw notFound("Team");
  return { ...toTeamDto(row), services: row.services };
}

// Names are how people and imports refer to teams: "payments" and "Payments" are the same team.
export async function assertNameFree(tx: Tx, actor: Actor, name: string, exceptId?: string): Promise<void> {
  const clash = await tx.team.findFirst({
    where: {
      organizationId: actor.organizationId,
      name: { equals: name, mode: "insensitive" },
      ...(exceptId ? { NOT: { id: exceptId } } : {}),
    },
    select: { name: true },
  });
  if (clash) throw invalidField("name", `a team named "${clash.name}" already exists`);
}

/** Members must be people of the organisation; duplicates collapse. */
export async function resolveMembers(tx: Tx, actor: Actor, memberIds: string[]): Promise<string[]> {
  const wanted = [...new Set(memberIds)];
  const found = await tx.user.findMany({ where: { id: { in: wanted }, organizationId: actor.organizationId }, select: { id: true } });
  const unknown = wanted.filter((id) => !found.some((u) => u.id === id));
  if (unknown.length) throw invalidField("memberIds", `unknown user ${unknown.join(", ")}`);
  return wanted;
}

export const emptyToNull = (v: string | null | undefined) => (v === undefined ? undefined : v ? v : null);

export function nameTaken(error: unknown, name: string | undefined): AppError | null {
  return isUniqueViolation(error) && name ? invalidField("name", `a team named "${name}" already exists`) : null;
}

export function auditView(team: TeamDto) {
  const { name, chatChannel, description, onCall, escalationContact } = team;
  return { name, chatChannel, description, onCall, escalationContact, memberIds: team.members.map((m) => m.id) };
}
