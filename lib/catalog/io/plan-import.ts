import type { ValidCatalog } from "./check-draft.ts";
import type { ImportChange, ImportCounts, ImportFieldChange, ImportMode } from "./import-types.ts";

/** The organisation's catalog as the importer compares against it, keyed by name. */
export interface CatalogSnapshot {
  teams: Map<string, SnapshotTeam>;
  services: Map<string, SnapshotService>;
  /** email → user id, for the organisation's users. */
  users: Map<string, string>;
}

export interface SnapshotTeam {
  id: string;
  name: string;
  chatChannel: string | null;
  description: string;
  onCall: string[];
  escalationContact: string;
  memberEmails: string[];
}

export interface SnapshotService {
  id: string;
  name: string;
  kind: string;
  tier: number;
  owner: string;
  journeys: string[];
  description: string;
  runbookUrl: string | null;
  healthCheckUrl: string | null;
  system: string;
  aliases?: string[];
  /** Outgoing edges by the name of the service depended on. */
  dependsOn: Map<string, { id: string; isAsync: boolean; isCritical: boolean }>;
}

export type TeamFields = Partial<Pick<SnapshotTeam, "chatChannel" | "description" | "onCall" | "escalationContact">>;
export type ServiceFields = Partial<
  Pick<SnapshotService, "kind" | "tier" | "owner" | "journeys" | "description" | "runbookUrl" | "healthCheckUrl" | "system" | "aliases">
>;

export interface ImportPlan {
  /** Only teams to create (no id) or that change; `members` when membership changes. */
  teams: { name: string; id?: string; set: TeamFields; members?: string[] }[];
  services: { name: string; id?: string; set: ServiceFields }[];
  dependencies: {
    create: { from: string; to: string; isAsync: boolean; isCritical: boolean }[];
    update: { id: string; isAsync: boolean; isCritical: boolean }[];
    remove: string[];
  };
  counts: { teams: ImportCounts; services: ImportCounts; dependencies: ImportCounts & { remove: number } };
  /** Every entity created, changed or removed, with each changed field before → after. */
  changes: ImportChange[];
}

const sameList = (a: readonly string[], b: readonly string[], ordered: boolean) => {
  const [x, y] = ordered ? [a, b] : [[...a].sort(), [...b].sort()];
  return x.length === y.length && x.every((v, i) => v === y[i]);
};

/** Keeps the fields the file gives that differ from what is stored (all given fields on create). */
function changed<T extends object>(
  given: T,
  current: Partial<Record<keyof T, unknown>> | undefined,
  orderedLists: readonly string[] = [],
): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(given) as (keyof T)[]) {
    const value = given[key];
    if (value === undefined) continue;
    const before = current?.[key];
    const same =
      Array.isArray(value) && Array.isArray(before)
        ? sameList(value as string[], before as string[], orderedLists.includes(String(key)))
        : before === value;
    if (!current || !same) out[key] = value;
  }
  return out;
}

/**
 * What importing a valid file would do to the catalog: pure, so "Check" shows exactly what
 * "Import" will write. Entities the file does not mention are left alone; dependencies are
 * replaced only for services whose `dependsOn` the file gives.
 */
export function planImport(catalog: ValidCatalog, snapshot: CatalogSnapshot, mode: ImportMode = "merge"): ImportPlan {
  const plan: ImportPlan = {
    teams: [],
    services: [],
    dependencies: { create: [], update: [], remove: [] },
    counts: { teams: count(), services: count(), dependencies: { ...count(), remove: 0 } },
    changes: [],
  };
  const note = (
    entity: ImportChange["entity"],
    name: string,
    current: object | undefined,
    set: object,
    extra: ImportFieldChange[] = [],
  ) => {
    const fields = [...fieldChanges(set, current), ...extra];
    if (!current) plan.changes.push({ entity, name, action: "create", fields });
    else if (fields.length) plan.changes.push({ entity, name, action: "update", fields });
  };

  for (const t of catalog.teams) {
    const current = snapshot.teams.get(t.name);
    // On-call contacts are an escalation order: their order matters; members' does not.
    const set = changed<TeamFields>(
      { chatChannel: t.chatChannel, description: t.description, onCall: t.onCall, escalationContact: t.escalationContact },
      current,
      ["onCall"],
    );
    const members = t.members && (!current || !sameList(t.members, current.memberEmails, false)) ? t.members : undefined;
    tally(plan.counts.teams, current, Object.keys(set).length > 0 || members !== undefined);
    note("team", t.name, current, set, members ? [{ field: "members", before: current?.memberEmails ?? [], after: members }] : []);
    if (!current || Object.keys(set).length || members)
      plan.teams.push({ name: t.name, id: current?.id, set, ...(members ? { members } : {}) });
  }

  for (const s of catalog.services) {
    const current = snapshot.services.get(s.name);
    const given: ServiceFields = {
      kind: s.kind,
      tier: s.tier,
      owner: s.owner,
      journeys: s.journeys,
      description: s.description,
      runbookUrl: s.runbookUrl,
      healthCheckUrl: s.healthCheckUrl,
      system: s.system,
      aliases: s.aliases,
    };
    // What the reader inferred (a kind from a Backstage spec.type) never overrides what is stored.
    if (current) for (const field of s.createOnly ?? []) delete given[field as keyof ServiceFields];
    const set = changed(given, current);
    tally(plan.counts.services, current, Object.keys(set).length > 0);
    note("service", s.name, current, set);
    if (!current || Object.keys(set).length) plan.services.push({ name: s.name, id: current?.id, set });

    if (!s.dependsOn) continue;
    const existing = current?.dependsOn ?? new Map<string, { id: string; isAsync: boolean; isCritical: boolean }>();
    const wanted = new Set<string>();
    for (const d of s.dependsOn) {
      wanted.add(d.service);
      const edge = existing.get(d.service);
      const name = `${s.name} → ${d.service}`;
      const flags = (async: boolean, critical: boolean) => `${async ? "async" : "sync"}, ${critical ? "critical" : "non-critical"}`;
      if (!edge) {
        plan.dependencies.create.push({ from: s.name, to: d.service, isAsync: d.async, isCritical: d.critical });
        plan.changes.push({ entity: "dependency", name, action: "create", fields: [] });
      } else if (edge.isAsync !== d.async || edge.isCritical !== d.critical) {
        plan.dependencies.update.push({ id: edge.id, isAsync: d.async, isCritical: d.critical });
        plan.changes.push({
          entity: "dependency",
          name,
          action: "update",
          fields: [{ field: "flags", before: flags(edge.isAsync, edge.isCritical), after: flags(d.async, d.critical) }],
        });
      } else plan.counts.dependencies.unchanged++;
    }
    if (mode === "add-update") continue;
    for (const [to, edge] of existing) {
      if (wanted.has(to)) continue;
      plan.dependencies.remove.push(edge.id);
      plan.changes.push({ entity: "dependency", name: `${s.name} → ${to}`, action: "remove", fields: [] });
    }
  }
  plan.counts.dependencies.create = plan.dependencies.create.length;
  plan.counts.dependencies.update = plan.dependencies.update.length;
  plan.counts.dependencies.remove = plan.dependencies.remove.length;
  return plan;
}

/** Field by field, before → after; lists compared as the plan compares them. */
function fieldChanges(set: object, current: object | undefined): ImportFieldChange[] {
  const before = (current ?? {}) as Record<string, unknown>;
  return Object.entries(set).map(
    ([field, after]) => ({ field, before: current ? (before[field] ?? null) : null, after: after ?? null }) as ImportFieldChange,
  );
}

function count(): ImportCounts {
  return { create: 0, update: 0, unchanged: 0 };
}

function tally(counts: ImportCounts, current: unknown, isChanged: boolean): void {
  if (!current) counts.create++;
  else if (isChanged) counts.update++;
  else counts.unchanged++;
}
