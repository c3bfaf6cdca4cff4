import { SERVICE_KINDS } from "../../vocabulary/catalog.ts";
import type { Draft, DraftEntity } from "./draft.ts";
import { formatRef, parseEntityRef, refKey } from "./entity-ref.ts";
import { csv, issue, list, locatorFor, obj, str, type Entity } from "./backstage-entity.ts";
import type { Path } from "./source.ts";

// Field by field: what a Component, API or Group says, in the Warroom format (see backstage.ts).

/** spec.type values that are not Warroom kinds themselves. */
const TYPE_ALIASES: Record<string, string> = {
  website: "storefront",
  frontend: "storefront",
  web: "storefront",
  webapp: "storefront",
  "mobile-app": "storefront",
  service: "api",
  backend: "api",
  microservice: "api",
  "grpc-service": "api",
  psp: "payment",
  payments: "payment",
  "order-management": "oms",
  warehouse: "wms",
  "product-information": "pim",
  feeds: "feed",
  "3pl": "shipping",
  carrier: "shipping",
  logistics: "shipping",
};
const KNOWN_TYPES = new Set<string>(SERVICE_KINDS);

/** Where a service field came from, for line numbers. */
export const SERVICE_SOURCE: Record<string, Path> = {
  name: ["metadata", "name"],
  description: ["metadata", "description"],
  kind: ["spec", "type"],
  tier: ["metadata", "annotations", "warroom.io/tier"],
  journeys: ["metadata", "annotations", "warroom.io/journeys"],
  runbookUrl: ["metadata", "annotations", "warroom.io/runbook-url"],
  healthCheckUrl: ["metadata", "annotations", "warroom.io/health-check-url"],
  system: ["spec", "system"],
  aliases: ["metadata", "annotations", "warroom.io/aliases"],
};

/**
 * The kind is explicit when a `warroom.io/kind` annotation or a spec.type that is itself a
 * Warroom kind says it; a mapped type ("service" → api) or an API entity only suggests one,
 * used for a new service and never to change an existing one.
 */
export function isKindInferred(e: Entity): boolean {
  const type = str(e.spec.type)?.toLowerCase();
  return !str(e.annotations["warroom.io/kind"]) && !(e.kind !== "api" && type && KNOWN_TYPES.has(type));
}

export function serviceFields(e: Entity): Record<string, unknown> {
  const a = e.annotations;
  const type = str(e.spec.type)?.toLowerCase();
  const kind =
    e.kind === "api"
      ? "api"
      : (str(a["warroom.io/kind"]) ?? (type && KNOWN_TYPES.has(type) ? type : type ? TYPE_ALIASES[type] : undefined));
  const rawTier = str(a["warroom.io/tier"]);
  const lifecycle = str(e.spec.lifecycle)?.toLowerCase();
  const tier = rawTier
    ? /^[123]$/.test(rawTier)
      ? Number(rawTier)
      : rawTier
    : lifecycle === "experimental" || lifecycle === "deprecated"
      ? 3
      : undefined;
  const links = list(e.metadata.links).map(obj);
  const runbook = links.find((l) => str(l.type)?.toLowerCase() === "runbook" || /^runbook/i.test(str(l.title) ?? ""));
  const fields: Record<string, unknown> = {
    kind,
    tier,
    journeys: csv(a["warroom.io/journeys"])?.map((j) => j.toLowerCase().replace(/[\s-]+/g, "_")),
    // Absent means "keep what Warroom has", not "blank it".
    description: str(e.metadata.description),
    aliases: csv(a["warroom.io/aliases"]),
    runbookUrl: str(a["warroom.io/runbook-url"]) ?? str(runbook?.url),
    healthCheckUrl: str(a["warroom.io/health-check-url"]),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

export function groupToTeam(e: Entity, name: string, byKey: Map<string, Entity>, draft: Draft): DraftEntity {
  const a = e.annotations;
  const at = { doc: e.doc, kind: "Group", name: e.name };
  let members: string[] | undefined;
  // members[k] came from spec.members[memberIndex[k]]: warnings point at the right line.
  const memberIndex: number[] = [];
  if (Array.isArray(e.spec.members)) {
    members = [];
    e.spec.members.forEach((raw, i) => {
      const ref = parseEntityRef(raw, { kind: "user", namespace: e.ref.namespace });
      const user = ref ? byKey.get(refKey(ref)) : undefined;
      const email = str(obj(user?.spec.profile).email) ?? (ref?.name.includes("@") ? ref.name : undefined);
      if (email) {
        members!.push(email);
        memberIndex.push(i);
      } else
        draft.warnings.push(
          issue(
            at,
            ["spec", "members", i],
            `member ${ref ? formatRef(ref) : JSON.stringify(raw)} has no email (add a User entity with spec.profile.email); skipped`,
          ),
        );
    });
  }
  const fields: Record<string, unknown> = {
    name,
    description: str(e.metadata.description),
    chatChannel: str(a["warroom.io/chat-channel"]),
    onCall: csv(a["warroom.io/on-call"]),
    escalationContact: str(a["warroom.io/escalation-contact"]),
    members,
  };
  const source: Record<string, Path> = {
    name: str(obj(e.spec.profile).displayName) ? ["spec", "profile", "displayName"] : ["metadata", "name"],
    description: ["metadata", "description"],
    chatChannel: ["metadata", "annotations", "warroom.io/chat-channel"],
    onCall: ["metadata", "annotations", "warroom.io/on-call"],
    escalationContact: ["metadata", "annotations", "warroom.io/escalation-contact"],
    members: ["spec", "members"],
  };
  return {
    kind: "Group",
    name: e.name,
    line: e.doc.line,
    value: Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
    locate: (path) => {
      const [head, index] = path;
      const member = head === "members" && typeof index === "number" ? memberIndex[index] : undefined;
      return locatorFor(e.doc)(member === undefined ? (source[String(head)] ?? []) : ["spec", "members", member]);
    },
  };
}
