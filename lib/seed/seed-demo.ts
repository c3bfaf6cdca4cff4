import type { PrismaClient } from "../db/generated/client.ts";
import { hashPassword } from "../auth/password.ts";
import { appendEvent } from "../timeline/append-event.ts";
import { seedDemoImpact } from "./demo-baselines.ts";
import { seedDemoDrill } from "./demo-drill.ts";
import { seedDemoHistory } from "./demo-history.ts";
import { DEMO_DEPENDENCIES, DEMO_PASSWORD, DEMO_SERVICES, DEMO_TEAM_MEMBERS, DEMO_TEAMS, DEMO_USERS } from "./demo-catalog.ts";
import { longTxOptions } from "../db/transaction-options.ts";

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

/**
 * Fills an empty database with a demo retailer, in one transaction: either all of it or none.
 * Returns false (and changes nothing) when any organisation already exists.
 */
export async function seedDemo(prisma: PrismaClient): Promise<boolean> {
  if ((await prisma.organization.count()) > 0) return false;
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));

  return prisma.$transaction(async (tx) => {
    // Instances starting together on an empty database: one seeds, the others see its org.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707370)`;
    if ((await tx.organization.count()) > 0) return false;
    const org = await tx.organization.create({ data: { name: "Demo Retail", slug: "demo-retail", lastIncidentNumber: 1, isDemo: true } });
    const users = new Map<string, string>();
    for (const [i, u] of DEMO_USERS.entries()) {
      const created = await tx.user.create({
        data: { ...u, organizationId: org.id, passwordHash: hashes[i] ?? null },
      });
      users.set(u.role, created.id);
    }
    const teams = new Map<string, string>();
    const userIdByEmail = new Map<string, string>(DEMO_USERS.map((u) => [u.email, users.get(u.role) ?? ""]));
    for (const t of DEMO_TEAMS) {
      const members = DEMO_TEAM_MEMBERS[t.name].map((email) => ({ userId: userIdByEmail.get(email) ?? "" }));
      const created = await tx.team.create({ data: { ...t, onCall: [...t.onCall], organizationId: org.id, members: { create: members } } });
      teams.set(t.name, created.id);
    }
    const services = new Map<string, string>();
    for (const { team, ...s } of DEMO_SERVICES) {
      const teamId = teams.get(team);
      if (!teamId) throw new Error(`Demo service ${s.name} names unknown team ${team}`);
      const created = await tx.service.create({ data: { ...s, teamId, organizationId: org.id } });
      services.set(s.name, created.id);
    }
    await tx.serviceDependency.createMany({
      data: DEMO_DEPENDENCIES.map(([from, to, isAsync]) => {
        const fromId = services.get(from);
        const toId = services.get(to);
        if (!fromId || !toId) throw new Error(`Demo dependency ${from} → ${to} names an unknown service`);
        return { fromId, toId, isAsync };
      }),
    });

    const commander = users.get("COMMANDER") ?? null;
    const responder = users.get("RESPONDER") ?? null;
    const incident = await tx.incident.create({
      data: {
        organizationId: org.id,
        number: 1,
        title: "Payment gateway timeouts at checkout",
        summary: "Card authorisations time out after 30 s for a share of checkouts; customers see 'payment failed'.",
        severity: "SEV1",
        commanderId: commander,
        declaredById: commander,
        startedAt: minutesAgo(27),
        createdAt: minutesAgo(24),
      },
    });
    // The payment gateway is marked impacted and Checkout was told (and acknowledged), so the
    // room opens with a blast radius and the "who told whom" state half filled in.
    const psp = services.get("Payment gateway adapter");
    const checkoutTeam = teams.get("Checkout");
    if (!psp || !checkoutTeam) throw new Error("Demo incident needs the payment gateway and the Checkout team");
    await tx.incidentService.create({ data: { incidentId: incident.id, serviceId: psp, addedAt: minutesAgo(23) } });
    const entries: {
      kind: "alert" | "status_change" | "note" | "hypothesis" | "action" | "impact_change" | "notification";
      body: string;
      by: string | null;
      at: number;
      data?: Record<string, unknown>;
    }[] = [
      { kind: "alert", body: "Checkout API p99 latency above 30 s; payment authorisation error rate 18%", by: null, at: 27 },
      {
        kind: "status_change",
        body: "Declared SEV1 · Critical · investigating · Casey Commander is incident commander",
        by: commander,
        at: 24,
      },
      {
        kind: "impact_change",
        body: "Impacted: Payment gateway adapter",
        by: commander,
        at: 23,
        data: { field: "services", added: [psp], removed: [] },
      },
      {
        kind: "notification",
        body: "Card payments failing for ~18% of checkouts; Payments owns the fix, next update in 15 min.",
        by: commander,
        at: 22,
        data: { target: "Checkout", channel: "chat", acknowledgedAt: minutesAgo(21).toISOString(), teamId: checkoutTeam },
      },
      { kind: "note", body: "Payment provider status page shows no incident on their side.", by: responder, at: 20 },
      {
        kind: "hypothesis",
        body: "Retry storm from the OMS capture job is exhausting the adapter's connection pool.",
        by: responder,
        at: 15,
      },
      { kind: "action", body: "Paused the OMS capture retry job (feature flag oms.capture-retry = off).", by: responder, at: 9 },
    ];
    for (const e of entries) {
      await appendEvent(tx, {
        incidentId: incident.id,
        kind: e.kind,
        body: e.body,
        data: e.data,
        authorId: e.by,
        occurredAt: minutesAgo(e.at),
        recordedAt: minutesAgo(e.at),
      });
    }
    await seedDemoImpact(tx, { organizationId: org.id, incidentId: incident.id, commanderId: commander, responderId: responder });
    // Past incidents take INC-2 onwards so INC-1 stays the live payment incident.
    const now = new Date();
    const last = await seedDemoHistory(tx, { organizationId: org.id, users, teams, services, firstNumber: 2, now });
    // A finished game-day drill after them, so /readiness and a drill report have content.
    await seedDemoDrill(tx, { organizationId: org.id, users, teams, services, number: last + 1, now });
    await tx.organization.update({ where: { id: org.id }, data: { lastIncidentNumber: last + 1 } });
    return true;
  }, longTxOptions(60_000));
}
