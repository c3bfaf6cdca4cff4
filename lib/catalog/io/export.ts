import { stringify } from "yaml";
import { assertCan, type Actor } from "../../auth/actor.ts";
import { db } from "../../db/client.ts";
import { CATALOG_FORMAT, CATALOG_FORMAT_VERSION, type CatalogFile } from "./format.ts";

export const EXPORT_FORMATS = ["json", "yaml"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

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
      include: { team: { select: { name: true } }, dependsOn: { select: { isAsync: true, isCritical: true, to: { select: { name: true } } } } },
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

export interface ExportedFile {
  filename: string;
  contentType: string;
  body: string;
}

/** The export as a downloadable file: `warroom-catalog-<org>-<date>.json|yaml`. */
export async function exportCatalog(actor: Actor, format: ExportFormat, now = new Date()): Promise<ExportedFile> {
  const file = await buildCatalogFile(actor);
  const slug = file.organization.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "catalog";
  const filename = `warroom-catalog-${slug}-${now.toISOString().slice(0, 10)}.${format}`;
  if (format === "json") return { filename, contentType: "application/json; charset=utf-8", body: `${JSON.stringify(file, null, 2)}\n` };
  // lineWidth 0: never fold long descriptions, so a line of the file is a line of the catalog.
  return { filename, contentType: "application/yaml; charset=utf-8", body: stringify(file, { lineWidth: 0 }) };
}

/** How much an export holds, for the page. */
export async function countCatalog(actor: Actor): Promise<{ teams: number; services: number; dependencies: number }> {
  assertCan(actor, "incident:read");
  const organizationId = actor.organizationId;
  const [teams, services, dependencies] = await Promise.all([
    db().team.count({ where: { organizationId } }),
    db().service.count({ where: { organizationId } }),
    db().serviceDependency.count({ where: { from: { organizationId } } }),
  ]);
  return { teams, services, dependencies };
}
