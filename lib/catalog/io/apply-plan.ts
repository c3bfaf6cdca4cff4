import { randomUUID } from "node:crypto";
import type { Journey, Prisma, ServiceKind } from "../../db/generated/client.ts";
import type { CatalogSnapshot, ImportPlan, ServiceFields } from "./plan-import.ts";

type Tx = Prisma.TransactionClient;

function serviceData(set: ServiceFields, teamIds: Map<string, string>) {
  const { owner, kind, journeys, ...rest } = set;
  const teamId = owner === undefined ? undefined : teamIds.get(owner);
  if (owner !== undefined && !teamId) throw new Error(`import plan names unknown team ${owner}`);
  return {
    ...rest,
    // A new health-check URL starts without the old back-off, and is not polled until a person
    // turns polling on: an imported address is not ours to call yet.
    ...(set.healthCheckUrl !== undefined ? { healthFailures: 0, healthNextCheckAt: null, healthCheckEnabled: false } : {}),
    ...(teamId ? { teamId } : {}),
    ...(kind ? { kind: kind as ServiceKind } : {}),
    ...(journeys ? { journeys: journeys as Journey[] } : {}),
  };
}

/**
 * Writes a plan inside the caller's transaction. Ids of new rows are made here so teams,
 * services and edges can be inserted in bulk and still refer to each other. Every update is
 * scoped by organisation, so a stale snapshot can never touch another tenant's rows.
 */
export async function applyPlan(tx: Tx, organizationId: string, plan: ImportPlan, snapshot: CatalogSnapshot): Promise<void> {
  const teamIds = new Map([...snapshot.teams].map(([name, t]) => [name, t.id]));
  const newTeams = plan.teams.filter((t) => !t.id).map((t) => ({ ...t, id: randomUUID() }));
  for (const t of newTeams) teamIds.set(t.name, t.id);
  await tx.team.createMany({ data: newTeams.map((t) => ({ id: t.id, organizationId, name: t.name, ...t.set })) });
  for (const t of plan.teams.filter((x) => x.id && Object.keys(x.set).length)) {
    await tx.team.updateMany({ where: { id: t.id, organizationId }, data: t.set });
  }
  for (const t of [...newTeams, ...plan.teams.filter((x) => x.id)]) {
    if (!t.members) continue;
    const teamId = t.id!;
    await tx.teamMember.deleteMany({ where: { teamId } });
    const userIds = t.members.map((email) => snapshot.users.get(email)).filter((id): id is string => Boolean(id));
    await tx.teamMember.createMany({ data: userIds.map((userId) => ({ teamId, userId })) });
  }

  const serviceIds = new Map([...snapshot.services].map(([name, s]) => [name, s.id]));
  const newServices = plan.services.filter((s) => !s.id).map((s) => ({ ...s, id: randomUUID() }));
  for (const s of newServices) serviceIds.set(s.name, s.id);
  await tx.service.createMany({
    data: newServices.map((s) => {
      const data = serviceData(s.set, teamIds);
      if (!data.teamId) throw new Error(`import plan creates service ${s.name} without an owner`);
      return { ...data, teamId: data.teamId, id: s.id, organizationId, name: s.name };
    }),
  });
  for (const s of plan.services.filter((x) => x.id && Object.keys(x.set).length)) {
    await tx.service.updateMany({ where: { id: s.id, organizationId }, data: serviceData(s.set, teamIds) });
  }

  const { create, update, remove } = plan.dependencies;
  if (remove.length) await tx.serviceDependency.deleteMany({ where: { id: { in: remove }, from: { organizationId } } });
  for (const d of update) {
    await tx.serviceDependency.updateMany({
      where: { id: d.id, from: { organizationId } },
      data: { isAsync: d.isAsync, isCritical: d.isCritical },
    });
  }
  await tx.serviceDependency.createMany({
    data: create.map((d) => {
      const fromId = serviceIds.get(d.from);
      const toId = serviceIds.get(d.to);
      if (!fromId || !toId) throw new Error(`import plan names unknown service ${fromId ? d.to : d.from}`);
      return { fromId, toId, isAsync: d.isAsync, isCritical: d.isCritical };
    }),
  });
}
