import { assertCan, type Actor } from "../../auth/actor.ts";
import { db } from "../../db/client.ts";
import { CATALOG_FORMAT, CATALOG_FORMAT_VERSION, type CatalogFile } from "./format.ts";

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "en");

/**
 * The whole catalog of the actor's organisation in the Warroom format. Sorted and free of
 * timestamps and ids, so two exports of the same catalog are byte-for-byte equal and a file
 * kept in git diffs cleanly.
 */
export async function buildCatalogFile(actor: Actor): Promise<CatalogFile> {
  assertCan(actor, "incident:read");
  const organizationId = actor.organizationId;
  const [org, teams, services] = await Promise.all([
    db().organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } }),
    db().team.findMany({ where: { organizationId }, include: { members: { select: { user: { select: { email: true } } } } } }),
    db().service.findMany({
      where: { organizationId },
      include: {
        team: { select: { name: true } },
        dependsOn: { select: { isAsync: true, isCritical: true, to: { select: { name: true } } } },
      },
    }),
  ]);
  return {
    format: CATALOG_FORMAT,
    version: CATALOG_FORMAT_VERSION,
    organization: org.name,
    teams: teams.sort(byName).map((t) => ({
      name: t.name,
      chatChannel: t.chatChannel,
      description: t.description,
      onCall: t.onCall,
      escalationContact: t.escalationContact,
      members: t.members.map((m) => m.user.email).sort(),
    })),
    services: services.sort(byName).map((s) => ({
      name: s.name,
      kind: s.kind,
      tier: s.tier,
      owner: s.team.name,
      journeys: s.journeys,
      description: s.description,
      runbookUrl: s.runbookUrl,
      healthCheckUrl: s.healthCheckUrl,
      system: s.system,
      aliases: s.aliases,
      dependsOn: s.dependsOn
        .map((d) => ({ service: d.to.name, async: d.isAsync, critical: d.isCritical }))
        .sort((a, b) => a.service.localeCompare(b.service, "en")),
    })),
  };
}
