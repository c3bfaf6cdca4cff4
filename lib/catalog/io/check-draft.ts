import type { z } from "zod";
import { nameKey, normalizeName } from "../../validation/text.ts";
import { issueAt, type Draft, type DraftEntity } from "./draft.ts";
import { ZCatalogService, ZCatalogTeam, type TCatalogService, type TCatalogTeam } from "./format.ts";
import type { ImportIssue } from "./import-types.ts";

/** Names already in the organisation, to resolve references the file does not define. */
export interface ExistingNames {
  teams: readonly string[];
  services: readonly string[];
  /** Emails of the organisation's users. */
  userEmails: readonly string[];
}

/** A file that passed every rule: references are resolved to the exact names they mean. */
export interface ValidCatalog {
  teams: TCatalogTeam[];
  services: ValidService[];
}

/** A service with the fields that apply only when it is created (see DraftEntity.createOnly). */
export type ValidService = TCatalogService & { createOnly?: string[] };

export type CheckResult =
  { ok: true; catalog: ValidCatalog; warnings: ImportIssue[] } | { ok: false; issues: ImportIssue[]; warnings: ImportIssue[] };

/** Zod's view of an entity; fields the reader already reported (an unusable owner…) are not repeated. */
function zodIssues(entity: DraftEntity, error: z.ZodError, reported: Set<string>): ImportIssue[] {
  return error.issues.flatMap((i) => {
    const path = i.path.filter((p): p is string | number => typeof p !== "symbol");
    const message = i.code === "unrecognized_keys" ? `unknown field${i.keys.length > 1 ? "s" : ""} ${i.keys.join(", ")}` : i.message;
    const found = issueAt(entity, path, message);
    return reported.has(found.field) ? [] : [found];
  });
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "");

/**
 * Resolves a reference: the exact name in the file, then in the catalog, then a single match
 * ignoring case ("payments" finds the team "Payments"), then ignoring case and punctuation
 * (a Backstage ref "cart-service" finds the service an earlier import titled "Cart service").
 * Null when nothing, or more than one thing, matches.
 */
function resolver(inFile: readonly string[], inCatalog: readonly string[]): (name: string) => string | null {
  const exact = new Set([...inFile, ...inCatalog]);
  const index = (key: (n: string) => string) => {
    const map = new Map<string, Set<string>>();
    for (const n of exact) map.set(key(n), (map.get(key(n)) ?? new Set()).add(n));
    return (name: string) => {
      const found = map.get(key(name));
      return found?.size === 1 ? [...found][0]! : null;
    };
  };
  const folded = index((n) => n.toLowerCase());
  const slugged = index(slug);
  return (name) => (exact.has(name) ? name : (folded(name) ?? slugged(name)));
}

/**
 * The name the entity will have in Warroom (a Backstage title may differ from metadata.name),
 * normalised as the schema stores it, so what is compared here is what the import writes.
 */
const catalogName = (e: DraftEntity) => (typeof e.value.name === "string" ? normalizeName(e.value.name) : "");

/**
 * Reports entities whose name an earlier entity of the file already took, and names that differ
 * from an existing one only in case, spacing or invisible characters: names are unique that way
 * (as when a person creates one), and the write must never be where that is found out.
 */
function clashes(entities: DraftEntity[], existing: readonly string[], what: string): ImportIssue[] {
  const first = new Map<string, DraftEntity>();
  const existingByKey = new Map(existing.map((n) => [nameKey(n), n]));
  const exact = new Set(existing);
  const issues: ImportIssue[] = [];
  for (const e of entities) {
    const name = catalogName(e);
    if (!name) continue;
    const earlier = first.get(nameKey(name));
    const other = existingByKey.get(nameKey(name));
    if (earlier) issues.push(issueAt(e, ["name"], `duplicate ${what} name "${name}" (first on line ${earlier.line})`));
    else if (other !== undefined && !exact.has(name))
      issues.push(
        issueAt(
          e,
          ["name"],
          `name "${name}" differs from the existing ${what} "${other}" only in case, spacing or invisible characters; write "${other}" to update it`,
        ),
      );
    first.set(nameKey(name), earlier ?? e);
  }
  return issues;
}

/** Every rule of the catalog, over the whole file at once, so every bad entity is reported. */
export function checkDraft(draft: Draft, existing: ExistingNames): CheckResult {
  const issues = [
    ...draft.issues,
    ...clashes(draft.teams, existing.teams, "team"),
    ...clashes(draft.services, existing.services, "service"),
  ];
  const warnings = [...draft.warnings];
  const teamNamed = resolver(draft.teams.map(catalogName).filter(Boolean), existing.teams);
  const serviceNamed = resolver(draft.services.map(catalogName).filter(Boolean), existing.services);
  const reported = new Set(draft.issues.map((i) => i.field));
  const users = new Map(existing.userEmails.map((e) => [e.toLowerCase(), e]));

  const teams: TCatalogTeam[] = [];
  for (const entity of draft.teams) {
    const parsed = ZCatalogTeam.safeParse(entity.value);
    if (!parsed.success) {
      issues.push(...zodIssues(entity, parsed.error, reported));
      continue;
    }
    const team = parsed.data;
    if (team.members) {
      const known: string[] = [];
      team.members.forEach((email, i) => {
        const user = users.get(email.toLowerCase());
        if (user) known.push(user);
        else warnings.push(issueAt(entity, ["members", i], `member ${email} is not a user of this organisation; skipped`));
      });
      // Members are replaced only by people Warroom knows: a file naming nobody known (Backstage
      // users who never signed in here) leaves the team's members as they are.
      if (known.length === 0 && team.members.length > 0) {
        warnings.push(
          issueAt(entity, ["members"], "none of the members is a user of this organisation; the team's members are left as they are"),
        );
        team.members = undefined;
      } else {
        team.members = [...new Set(known)];
      }
    }
    teams.push(team);
  }

  const services: ValidService[] = [];
  for (const entity of draft.services) {
    const parsed = ZCatalogService.safeParse(entity.value);
    const found = parsed.success ? [] : zodIssues(entity, parsed.error, reported);
    issues.push(...found);
    // References are checked even when another field is bad, so one pass reports everything.
    const flagged = new Set(found.map((i) => i.field));
    const selfName = catalogName(entity);
    const raw = looseReferences(entity.value);

    const owner = raw.owner === undefined ? null : teamNamed(raw.owner);
    if (raw.owner !== undefined && !owner && !flagged.has(entity.locate(["owner"]).field)) {
      issues.push(
        issueAt(entity, ["owner"], `owner ${entity.labels?.owner ?? `"${raw.owner}"`} is not a team in the file or in the catalog`),
      );
    }
    const seen = new Set<string>();
    const targets = raw.dependsOn.map((name, i) => {
      if (name === undefined || flagged.has(entity.locate(["dependsOn", i]).field)) return null;
      const label = entity.labels?.dependsOn?.[i] ?? `"${name}"`;
      const target = serviceNamed(name);
      if (!target) issues.push(issueAt(entity, ["dependsOn", i], `dependsOn ${label} is not a service in the file or in the catalog`));
      else if (target === selfName) issues.push(issueAt(entity, ["dependsOn", i], "a service cannot depend on itself"));
      else if (seen.has(target)) issues.push(issueAt(entity, ["dependsOn", i], `dependsOn lists "${target}" more than once`));
      else seen.add(target);
      return target;
    });

    if (!parsed.success || !owner) continue;
    const service = parsed.data;
    service.owner = owner;
    service.dependsOn?.forEach((dep, i) => {
      dep.service = targets[i] ?? dep.service;
    });
    services.push(entity.createOnly?.length ? { ...service, createOnly: entity.createOnly } : service);
  }

  if (issues.length) return { ok: false, issues: sortIssues(issues), warnings: sortIssues(warnings) };
  return { ok: true, catalog: { teams, services }, warnings: sortIssues(warnings) };
}

/** owner and dependsOn names as written, whether or not the rest of the entity is valid. */
function looseReferences(value: Record<string, unknown>): { owner?: string; dependsOn: (string | undefined)[] } {
  const name = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
  const deps = Array.isArray(value.dependsOn) ? value.dependsOn : [];
  return {
    owner: name(value.owner),
    dependsOn: deps.map(
      (d: unknown) => name(d) ?? name(typeof d === "object" && d !== null ? (d as { service?: unknown }).service : undefined),
    ),
  };
}

export function sortIssues(list: ImportIssue[]): ImportIssue[] {
  return [...list].sort((a, b) => a.line - b.line || a.field.localeCompare(b.field));
}
