import { z } from "zod";
import { ZServiceInput, ZTeamInput } from "../schemas.ts";

/**
 * The Warroom catalog file: the whole catalog of one organisation, as JSON or YAML.
 *
 * Everything refers to everything else by name, never by id, so a file moves between installs
 * (and reads well in a git diff). One file, one organisation:
 *
 *   format: warroom-catalog        # optional marker
 *   version: 1                     # required; the only version so far
 *   teams:
 *     - name: Payments             # unique per organisation
 *       chatChannel: "#team-payments"
 *       description: Card payments and refunds
 *       onCall: [pager:payments-primary, "+49 30 1234"]
 *       escalationContact: Head of Payments
 *       members: [ana@shop.example]        # users by email
 *   services:
 *     - name: Payment gateway adapter      # unique per organisation
 *       kind: payment                      # SERVICE_KINDS
 *       tier: 1                            # 1 customer-critical … 3 internal
 *       owner: Payments                    # a team of the file or of the catalog (required)
 *       journeys: [checkout, payment]      # JOURNEYS
 *       description: Authorise, capture and refund through the PSP
 *       runbookUrl: https://wiki.example/psp
 *       healthCheckUrl: null
 *       system: checkout
 *       aliases: [payment-gateway]         # other names alerts use for it
 *       dependsOn:                         # services of the file or of the catalog
 *         - { service: OMS, async: true, critical: false }
 *         - Fraud check                    # shorthand: synchronous and critical
 *
 * Import merges by name: entities not in the file are left alone; for an entity in the file,
 * a field the file leaves out keeps its current value (or the default on create), and a field
 * it gives is set (`null` or "" clears an optional one). `dependsOn`, when given, is the
 * service's complete list of dependencies: edges it does not list are removed (unless the
 * import runs in "add and update only" mode). `members` replace the team's members only with
 * people who are users here. An imported health-check URL is not polled until a person turns
 * polling on.
 */
export const CATALOG_FORMAT = "warroom-catalog";
export const CATALOG_FORMAT_VERSION = 1;

const refName = (field: string) =>
  z
    .string({ error: `${field} must be a name` })
    .trim()
    .min(1, `${field} is required`)
    .max(120, `${field} must be at most 120 characters`);

export const ZCatalogTeam = z.strictObject({
  ...ZTeamInput.omit({ memberIds: true }).shape,
  /** Users by email; emails that are not users of the organisation are skipped with a warning. */
  members: z.array(z.email("each member must be an email address")).max(500, "members has at most 500 entries").optional(),
});
export type TCatalogTeam = z.output<typeof ZCatalogTeam>;

export const ZCatalogDependency = z.union(
  [
    refName("dependsOn entry").transform((service) => ({ service, async: false, critical: true })),
    z.strictObject({
      service: refName("service"),
      async: z.boolean({ error: "async must be true or false" }).default(false),
      critical: z.boolean({ error: "critical must be true or false" }).default(true),
    }),
  ],
  { error: "each dependsOn entry must be a service name or { service, async, critical }" },
);
export type TCatalogDependency = z.output<typeof ZCatalogDependency>;

export const ZCatalogService = z.strictObject({
  // Polling an imported health-check URL is a person's decision, never the file's.
  ...ZServiceInput.omit({ teamId: true, healthCheckEnabled: true }).shape,
  owner: refName("owner"),
  dependsOn: z.array(ZCatalogDependency).max(1000, "dependsOn has at most 1,000 entries").optional(),
});
export type TCatalogService = z.output<typeof ZCatalogService>;

/** The envelope only: teams and services are checked one by one, so every bad one is reported. */
export const ZCatalogEnvelope = z.strictObject({
  format: z.literal(CATALOG_FORMAT, { error: `format must be "${CATALOG_FORMAT}"` }).optional(),
  version: z.literal(CATALOG_FORMAT_VERSION, { error: `version must be ${CATALOG_FORMAT_VERSION}` }),
  organization: z.string().optional(),
  teams: z.array(z.unknown(), { error: "teams must be a list" }).optional(),
  services: z.array(z.unknown(), { error: "services must be a list" }).optional(),
});

/** What export writes: every field present, so an import of it restores the catalog exactly. */
export interface CatalogFile {
  format: typeof CATALOG_FORMAT;
  version: typeof CATALOG_FORMAT_VERSION;
  organization: string;
  teams: {
    name: string;
    chatChannel: string | null;
    description: string;
    onCall: string[];
    escalationContact: string;
    members: string[];
  }[];
  services: {
    name: string;
    kind: string;
    tier: number;
    owner: string;
    journeys: string[];
    description: string;
    runbookUrl: string | null;
    healthCheckUrl: string | null;
    system: string;
    aliases: string[];
    dependsOn: { service: string; async: boolean; critical: boolean }[];
  }[];
}
