import type { Prisma } from "../../db/generated/client.ts";
import type { CatalogSnapshot } from "./plan-import.ts";

type Client = Prisma.TransactionClient;

/** The organisation's whole catalog, keyed by name, in three queries. */
export async function loadSnapshot(client: Client, organizationId: string): Promise<CatalogSnapshot> {
  const [teams, services, users] = await Promise.all([
    client.team.findMany({
      where: { organizationId },
      select: {
        id: true,
        name: true,
        chatChannel: true,
        description: true,
        onCall: true,
        escalationContact: true,
        members: { select: { user: { select: { email: true } } } },
      },
    }),
    client.service.findMany({
      where: { organizationId },
      select: {
        id: true,
        name: true,
        kind: true,
        tier: true,
        journeys: true,
        description: true,
        runbookUrl: true,
        healthCheckUrl: true,
        system: true,
        aliases: true,
        team: { select: { name: true } },
        dependsOn: { select: { id: true, isAsync: true, isCritical: true, to: { select: { name: true } } } },
      },
    }),
    client.user.findMany({ where: { organizationId }, select: { id: true, email: true } }),
  ]);
  return {
    teams: new Map(teams.map(({ members, ...t }) => [t.name, { ...t, memberEmails: members.map((m) => m.user.email) }])),
    services: new Map(
      services.map(({ team, dependsOn, ...s }) => [
        s.name,
        {
          ...s,
          owner: team.name,
          dependsOn: new Map(dependsOn.map((d) => [d.to.name, { id: d.id, isAsync: d.isAsync, isCritical: d.isCritical }])),
        },
      ]),
    ),
    users: new Map(users.map((u) => [u.email, u.id])),
  };
}
