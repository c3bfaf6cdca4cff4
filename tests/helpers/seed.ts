import { randomBytes } from "node:crypto";
import type { Actor } from "../../lib/auth/actor.ts";
import type { RoleName } from "../../lib/auth/permissions.ts";
import type { DependencyDto, ServiceDetailDto, TeamDetailDto } from "../../lib/catalog/catalog-dto.ts";
import { addDependency } from "../../lib/catalog/add-dependency.ts";
import { createService } from "../../lib/catalog/create-service.ts";
import { createTeam } from "../../lib/catalog/create-team.ts";
import { db } from "../../lib/db/client.ts";
import { declareIncident } from "../../lib/incidents/declare-incident.ts";
import type { IncidentDto } from "../../lib/incident-record/incident-dto.ts";
import type { TDeclareIncident } from "../../lib/incident-record/schemas.ts";

export interface SeededOrganization {
  id: string;
  name: string;
  admin: Actor;
  commander: Actor;
  responder: Actor;
  viewer: Actor;
}

/**
 * An organisation with one user per role, returned as the Actors domain functions take.
 * Users have no password (tests never sign in through the form); slugs and emails carry a
 * random tag so several organisations can live in one database.
 */
export async function seedOrganization(name = "Test Retail"): Promise<SeededOrganization> {
  const tag = randomBytes(4).toString("hex");
  const slug = `${name.toLowerCase().replace(/\W+/g, "-")}-${tag}`;
  const org = await db().organization.create({ data: { name, slug } });

  const member = async (role: RoleName): Promise<Actor> => {
    const key = role.toLowerCase();
    const user = await db().user.create({
      data: { organizationId: org.id, role, name: `${name} ${key}`, email: `${key}-${tag}@test.local` },
    });
    return { userId: user.id, organizationId: org.id, role, name: user.name, email: user.email };
  };

  return {
    id: org.id,
    name,
    admin: await member("ADMIN"),
    commander: await member("COMMANDER"),
    responder: await member("RESPONDER"),
    viewer: await member("VIEWER"),
  };
}

/** Declares an incident through the one write path, as the given actor. */
export function seedIncident(actor: Actor, overrides: Partial<TDeclareIncident> = {}): Promise<IncidentDto> {
  return declareIncident(actor, { title: "Checkout payments timing out", severity: "SEV2", ...overrides });
}

export interface SeededCatalog {
  team: TeamDetailDto;
  /** Checkout API, which depends on the payment gateway. */
  checkout: ServiceDetailDto;
  gateway: ServiceDetailDto;
  dependency: DependencyDto;
}

/** A team owning two services, one depending on the other, through the catalog's write path. */
export async function seedCatalog(actor: Actor, tag = randomBytes(3).toString("hex")): Promise<SeededCatalog> {
  const team = await createTeam(actor, { name: `Payments ${tag}` });
  const gateway = await createService(actor, {
    name: `Payment gateway ${tag}`,
    teamId: team.id,
    kind: "payment",
    tier: 1,
    journeys: ["payment"],
  });
  const checkout = await createService(actor, {
    name: `Checkout API ${tag}`,
    teamId: team.id,
    kind: "api",
    tier: 1,
    journeys: ["checkout"],
  });
  const { dependency } = await addDependency(actor, checkout.id, { toId: gateway.id });
  return { team, checkout, gateway, dependency };
}

/** `count` distinct people in an organisation (responders, then viewers every fourth): a crowd. */
export async function seedPeople(organizationId: string, count: number, prefix = "Person"): Promise<Actor[]> {
  const tag = randomBytes(4).toString("hex");
  const people: Actor[] = [];
  for (let i = 0; i < count; i++) {
    const role: RoleName = i % 4 === 3 ? "VIEWER" : "RESPONDER";
    const user = await db().user.create({
      data: {
        organizationId,
        role,
        name: `${prefix} ${String(i).padStart(3, "0")}`,
        email: `${prefix.toLowerCase()}-${i}-${tag}@test.local`,
      },
    });
    people.push({ userId: user.id, organizationId, role, name: user.name, email: user.email });
  }
  return people;
}
