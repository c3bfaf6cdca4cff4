import { csv, indexEntities, issue, KIND_LABEL, list, locatorFor, nameEntities, type Entity } from "./backstage-entity.ts";
import { groupToTeam, isKindInferred, SERVICE_SOURCE, serviceFields } from "./backstage-fields.ts";
import type { Draft } from "./draft.ts";
import { formatRef, parseEntityRef, refKey, type EntityRef } from "./entity-ref.ts";
import type { Path, SourceDoc } from "./source.ts";

/**
 * Backstage `catalog-info.yaml` (one or many `---` documents) → the Warroom format. Pure: the
 * importer checks the result with the same rules as a Warroom file.
 *
 * - Group → team. Name: `spec.profile.displayName`, else `metadata.title`, else `metadata.name`.
 *   Description: `metadata.description`. Members: `spec.members` (user refs), by the email of a
 *   User entity of the file (`spec.profile.email`) or a member name that is an email; others are
 *   skipped with a warning. Annotations `warroom.io/chat-channel`, `warroom.io/on-call`
 *   (comma-separated), `warroom.io/escalation-contact` fill the Warroom-only fields.
 * - Component → service. Name: `metadata.title`, else `metadata.name`. Owner: `spec.owner`
 *   (a Group; default kind group), else the owner of its System. Kind: annotation
 *   `warroom.io/kind`, else `spec.type` when it names a kind or a known alias (website →
 *   storefront, service → api…). Tier: annotation `warroom.io/tier`, else 3 for lifecycle
 *   experimental/deprecated. Journeys: annotation `warroom.io/journeys` (comma-separated).
 *   Runbook: annotation `warroom.io/runbook-url`, else the `metadata.links` entry of type
 *   "runbook" (or titled "Runbook…"). Health check: annotation `warroom.io/health-check-url`.
 *   System: the System's title or name. Dependencies: `spec.dependsOn` components and APIs
 *   (default kind component) and `spec.consumesApis`; synchronous and critical unless the
 *   annotations `warroom.io/async-dependencies` / `warroom.io/non-critical-dependencies` list them.
 * - API → service of kind api, same fields; named "<name> (API)" when a Component of the file
 *   has the same name. A Component that `providesApis` X makes API X depend on it.
 * - System → the `system` of its components and APIs; its owner is their default owner.
 * - User entities only supply member emails. Other kinds (Resource, Domain, Location…) and
 *   references to them (`dependsOn: resource:…`) are skipped with a warning.
 *
 * Backstage-native fields (name, owner, description, system, dependencies) are always set, so
 * Backstage stays the source of truth for them; Warroom-only fields are set only when their
 * annotation is there, so values edited in Warroom survive a re-import.
 */

interface DepSource {
  service: string;
  label: string;
  doc: SourceDoc;
  path: Path;
  /** The entity key of the target, to match the async / non-critical annotations. */
  key?: string;
}

/** Annotations listing which of a component's dependencies are asynchronous / not critical. */
const FLAG_ANNOTATIONS = { async: "warroom.io/async-dependencies", nonCritical: "warroom.io/non-critical-dependencies" } as const;

export function mapBackstage(docs: SourceDoc[]): Draft {
  const draft: Draft = { format: "backstage", teams: [], services: [], issues: [], warnings: [] };
  const entities = indexEntities(docs, draft);
  const byKey = new Map(entities.map((e) => [refKey(e.ref), e]));
  const named = nameEntities(entities);
  const kindOf = (e: Entity) => KIND_LABEL[e.kind];

  /** The Warroom name a reference means: an entity of the file, or (left to the importer) the catalog. */
  const target = (ref: EntityRef) => named.get(refKey(ref)) ?? ref.name;

  const ownerOf = (e: Entity): { owner?: string; label?: string; path: Path } => {
    const raw = e.spec.owner;
    if (raw === undefined) {
      const system = systemOf(e);
      const systemOwner = system ? parseEntityRef(system.spec.owner, { kind: "group", namespace: system.ref.namespace }) : null;
      if (systemOwner?.kind === "group")
        return {
          owner: target(systemOwner),
          label: `${formatRef(systemOwner)} (owner of ${formatRef(system!.ref)})`,
          path: ["spec", "system"],
        };
      draft.issues.push(
        issue(
          { doc: e.doc, kind: kindOf(e), name: e.name },
          ["spec", "owner"],
          "spec.owner is required (or a spec.system whose System has an owner)",
        ),
      );
      return { path: ["spec", "owner"] };
    }
    const ref = parseEntityRef(raw, { kind: "group", namespace: e.ref.namespace });
    if (!ref || ref.kind !== "group") {
      const why = ref
        ? `${formatRef(ref)} is not a Group; Warroom services are owned by teams`
        : "must be an entity reference like group:default/payments";
      draft.issues.push(issue({ doc: e.doc, kind: kindOf(e), name: e.name }, ["spec", "owner"], `spec.owner ${why}`));
      return { path: ["spec", "owner"] };
    }
    return { owner: target(ref), label: formatRef(ref), path: ["spec", "owner"] };
  };

  const systemOf = (e: Entity): Entity | undefined => {
    const ref = parseEntityRef(e.spec.system, { kind: "system", namespace: e.ref.namespace });
    return ref ? byKey.get(refKey(ref)) : undefined;
  };

  // providesApis: "API X depends on the component that provides it".
  const providers = new Map<string, DepSource[]>();
  for (const e of entities.filter((x) => x.kind === "component")) {
    list(e.spec.providesApis).forEach((raw, i) => {
      const ref = parseEntityRef(raw, { kind: "api", namespace: e.ref.namespace });
      const path = ["spec", "providesApis", i];
      const at = { doc: e.doc, kind: "Component", name: e.name };
      if (!ref || ref.kind !== "api")
        draft.issues.push(
          issue(
            at,
            path,
            `providesApis entry ${ref ? formatRef(ref) : JSON.stringify(raw)} must be an API reference like api:default/cart`,
          ),
        );
      else if (!byKey.has(refKey(ref)))
        draft.warnings.push(
          issue(
            at,
            path,
            `providesApis ${formatRef(ref)}: that API is not in this file, so its dependency on this component is not recorded`,
          ),
        );
      else
        providers.set(refKey(ref), [
          ...(providers.get(refKey(ref)) ?? []),
          { service: named.get(refKey(e.ref))!, label: formatRef(e.ref), doc: e.doc, path },
        ]);
    });
  }

  const dependenciesOf = (e: Entity): DepSource[] => {
    const deps: DepSource[] = [];
    const add = (field: "dependsOn" | "consumesApis", defaultKind: string) =>
      list(e.spec[field]).forEach((raw, i) => {
        const ref = parseEntityRef(raw, { kind: defaultKind, namespace: e.ref.namespace });
        const path = ["spec", field, i];
        const at = { doc: e.doc, kind: kindOf(e), name: e.name };
        if (!ref)
          draft.issues.push(
            issue(at, path, `${field} entry ${JSON.stringify(raw)} must be an entity reference like component:default/cart`),
          );
        else if (field === "consumesApis" && ref.kind !== "api")
          draft.issues.push(issue(at, path, `consumesApis entry ${formatRef(ref)} must be an API`));
        else if (ref.kind !== "component" && ref.kind !== "api")
          draft.warnings.push(issue(at, path, `${field} ${formatRef(ref)}: only Components and APIs become services; skipped`));
        else deps.push({ service: target(ref), label: formatRef(ref), doc: e.doc, path, key: refKey(ref) });
      });
    add("dependsOn", "component");
    add("consumesApis", "api");
    if (e.kind === "api") deps.push(...(providers.get(refKey(e.ref)) ?? []));
    return deps;
  };

  for (const e of entities) {
    const locate = locatorFor(e.doc);
    if (e.kind === "group") {
      draft.teams.push(groupToTeam(e, named.get(refKey(e.ref))!, byKey, draft));
    } else if (e.kind === "component" || e.kind === "api") {
      const owner = ownerOf(e);
      const deps = dependenciesOf(e);
      const system = parseEntityRef(e.spec.system, { kind: "system", namespace: e.ref.namespace });
      const value = {
        name: named.get(refKey(e.ref))!,
        owner: owner.owner,
        ...serviceFields(e),
        system: system ? (named.get(refKey(system)) ?? system.name) : "",
        dependsOn: withFlags(e, deps, draft),
      };
      const fieldPath = (path: Path): Path => {
        const [head, index] = path;
        if (head === "owner") return owner.path;
        if (head === "dependsOn" && typeof index === "number") return deps[index]?.path ?? ["spec"];
        return SERVICE_SOURCE[String(head)] ?? [];
      };
      draft.services.push({
        kind: kindOf(e),
        name: e.name,
        line: e.doc.line,
        value,
        locate: (path) => {
          const [head, index] = path;
          const dep = head === "dependsOn" && typeof index === "number" ? deps[index] : undefined;
          return dep ? locatorFor(dep.doc)(dep.path) : locate(fieldPath(path));
        },
        labels: { owner: owner.label, dependsOn: deps.map((d) => d.label) },
        createOnly: isKindInferred(e) ? ["kind"] : [],
      });
    }
  }
  return draft;
}

/**
 * Backstage has no "asynchronous" or "critical" on a dependency: by default every one is
 * synchronous and critical; annotations `warroom.io/async-dependencies` and
 * `warroom.io/non-critical-dependencies` (comma-separated refs, default kind component) say
 * otherwise for the ones they list.
 */
function withFlags(e: Entity, deps: DepSource[], draft: Draft): { service: string; async: boolean; critical: boolean }[] {
  const listed = (annotation: string) => {
    const keys = new Set<string>();
    for (const raw of csv(e.annotations[annotation]) ?? []) {
      const ref = parseEntityRef(raw, { kind: "component", namespace: e.ref.namespace });
      const key = ref ? refKey(ref) : "";
      if (ref && deps.some((d) => d.key === key)) keys.add(key);
      else
        draft.warnings.push(
          issue(
            { doc: e.doc, kind: KIND_LABEL[e.kind], name: e.name },
            ["metadata", "annotations", annotation],
            `${annotation} names ${raw}, which is not one of its dependencies; ignored`,
          ),
        );
    }
    return keys;
  };
  const isAsync = listed(FLAG_ANNOTATIONS.async);
  const nonCritical = listed(FLAG_ANNOTATIONS.nonCritical);
  return deps.map((d) => ({
    service: d.service,
    async: d.key ? isAsync.has(d.key) : false,
    critical: d.key ? !nonCritical.has(d.key) : true,
  }));
}
