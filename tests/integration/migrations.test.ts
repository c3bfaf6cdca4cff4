import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MIGRATIONS_DIR, migrate, MigrationError, readMigrations } from "../../lib/db/migrate.ts";
import { pgConnection } from "../../lib/db/migration-connection.ts";
import { openDatabase, type Database } from "../../lib/db/open-database.ts";
import { createEmptyTarget, isPostgres, type EmptyTarget } from "../helpers/test-database.ts";

const migrations = readMigrations();
const firstMigration = migrations[0]?.name ?? "";

/** A copy of prisma/migrations that a test may edit without touching the real files. */
function copyMigrations(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "warroom-migrations-")), "migrations");
  cpSync(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

const migrationRows = (database: Database) =>
  database.prisma.$queryRawUnsafe<MigrationRow[]>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
  );

describe("migrations on an empty database", () => {
  let target: EmptyTarget;
  let database: Database | undefined;
  const copies: string[] = [];

  async function reopen(migrationsDir?: string): Promise<Database> {
    await database?.close();
    database = undefined;
    database = await openDatabase({ ...target.options, migrationsDir });
    return database;
  }

  beforeAll(async () => {
    target = await createEmptyTarget();
  });
  afterAll(async () => {
    await database?.close();
    await target.drop();
    for (const dir of copies) rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it("applies every migration and records each with its checksum and finish time", async () => {
    const db = await reopen();
    expect(firstMigration).not.toBe("");
    expect(db.migrations).toEqual({ applied: migrations.map((m) => m.name), total: migrations.length });
    const rows = await migrationRows(db);
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(migrations.map((m) => [m.name, m.checksum]));
    for (const row of rows) expect(row.finished_at).toBeInstanceOf(Date);
  });

  it("produces the schema the Prisma client expects: every model round-trips", async () => {
    const { prisma } = database ?? (await reopen());
    const org = await prisma.organization.create({ data: { name: "Acme", slug: "acme" } });
    const user = await prisma.user.create({
      data: { organizationId: org.id, email: "ic@acme.test", name: "Ivy", role: "COMMANDER", passwordHash: "scrypt$x" },
    });
    const team = await prisma.team.create({ data: { organizationId: org.id, name: "Payments", chatChannel: "#payments" } });
    const [psp, checkout] = await Promise.all([
      prisma.service.create({
        data: { organizationId: org.id, teamId: team.id, name: "PSP adapter", kind: "payment", tier: 1, journeys: ["checkout", "payment"] },
      }),
      prisma.service.create({ data: { organizationId: org.id, teamId: team.id, name: "Checkout API" } }),
    ]);
    await prisma.serviceDependency.create({ data: { fromId: checkout.id, toId: psp.id, isAsync: true } });
    const incident = await prisma.incident.create({
      data: { organizationId: org.id, number: 1, title: "PSP timeouts", severity: "SEV1", commanderId: user.id, declaredById: user.id },
    });
    const occurredAt = new Date("2026-11-27T09:00:00.123Z");
    await prisma.timelineEvent.create({
      data: {
        incidentId: incident.id,
        seq: 1,
        kind: "hypothesis",
        body: "retry storm",
        authorId: user.id,
        clientId: "c-1234567890",
        occurredAt,
      },
    });
    await prisma.auditLog.create({
      data: {
        organizationId: org.id,
        actorId: user.id,
        action: "incident.declare",
        entityType: "Incident",
        entityId: incident.id,
        after: { title: "PSP timeouts", tags: ["psp"] },
      },
    });

    const loaded = await prisma.organization.findUniqueOrThrow({
      where: { slug: "acme" },
      include: {
        users: true,
        teams: { include: { services: { include: { dependsOn: true, dependedBy: true }, orderBy: { name: "asc" } } } },
        incidents: { include: { events: true, commander: true } },
        auditLogs: true,
      },
    });
    expect(loaded.lastIncidentNumber).toBe(0);
    expect(loaded.users[0]).toMatchObject({ email: "ic@acme.test", role: "COMMANDER", passwordHash: "scrypt$x" });
    const services = loaded.teams[0]?.services ?? [];
    expect(services.map((s) => [s.name, s.kind, s.tier, s.journeys])).toEqual([
      ["Checkout API", "other", 2, []],
      ["PSP adapter", "payment", 1, ["checkout", "payment"]],
    ]);
    expect(services[0]?.dependsOn).toEqual([expect.objectContaining({ toId: psp.id, isAsync: true, isCritical: true })]);
    expect(services[1]?.dependedBy).toHaveLength(1);
    const stored = loaded.incidents[0];
    expect(stored).toMatchObject({ status: "investigating", severity: "SEV1", lastSeq: 0, summary: "", commander: { name: "Ivy" } });
    expect(stored?.events[0]).toMatchObject({ seq: 1, kind: "hypothesis", clientId: "c-1234567890", occurredAt });
    expect(loaded.auditLogs[0]?.after).toEqual({ title: "PSP timeouts", tags: ["psp"] });

    // The constraints schema.prisma declares are there too.
    await expect(
      prisma.timelineEvent.create({ data: { incidentId: incident.id, seq: 1, kind: "note", body: "dup", occurredAt } }),
    ).rejects.toMatchObject({ code: "P2002" });
    await expect(
      prisma.incident.create({ data: { organizationId: org.id, number: 1, title: "again", severity: "SEV4" } }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("applies nothing when opened again", async () => {
    const db = await reopen();
    expect(db.migrations).toEqual({ applied: [], total: migrations.length });
    expect(await migrationRows(db)).toHaveLength(migrations.length);
    expect(await db.prisma.organization.count()).toBe(1);
  });

  it("refuses to start when an applied migration was edited, naming it", async () => {
    await database?.close();
    database = undefined;
    const edited = copyMigrations();
    copies.push(edited);
    const file = path.join(edited, firstMigration, "migration.sql");
    writeFileSync(file, readFileSync(file, "utf8") + "\n-- tweaked after release\n");
    const opening = openDatabase({ ...target.options, migrationsDir: edited });
    await expect(opening).rejects.toBeInstanceOf(MigrationError);
    await expect(opening).rejects.toThrow(new RegExp(`Migration ${firstMigration} was changed after it was applied`));
  });

  it("rolls back a migration that fails half-way and names it", async () => {
    const withBroken = copyMigrations();
    copies.push(withBroken);
    mkdirSync(path.join(withBroken, "29991231000000_broken"));
    writeFileSync(
      path.join(withBroken, "29991231000000_broken", "migration.sql"),
      `CREATE TABLE "Half" ("id" INTEGER);\nALTER TABLE "NoSuchTable" ADD COLUMN "x" INTEGER;\n`,
    );
    await expect(openDatabase({ ...target.options, migrationsDir: withBroken })).rejects.toThrow(
      /Migration 29991231000000_broken failed and was rolled back/,
    );

    const db = await reopen();
    expect(db.migrations.applied).toEqual([]);
    expect((await migrationRows(db)).map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    const half = await db.prisma.$queryRawUnsafe<{ exists: string | null }[]>(`SELECT to_regclass('"Half"')::text AS exists`);
    expect(half[0]?.exists).toBeNull();
  });
});

describe.runIf(isPostgres)("migrations started by two instances at once (Postgres)", () => {
  let target: EmptyTarget;
  const clients: pg.Client[] = [];

  beforeAll(async () => {
    target = await createEmptyTarget();
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    await target.drop();
  });

  it("apply each migration exactly once", async () => {
    for (let i = 0; i < 2; i++) {
      const client = new pg.Client({ connectionString: target.options.url });
      await client.connect();
      clients.push(client);
    }
    const results = await Promise.all(clients.map((c) => migrate(pgConnection(c), migrations)));
    const applied = results.map((r) => r.applied).sort((a, b) => a.length - b.length);
    expect(applied).toEqual([[], migrations.map((m) => m.name)]);
    const rows = await clients[0]?.query(`SELECT migration_name FROM "_prisma_migrations"`);
    expect(rows?.rows).toHaveLength(migrations.length);
  });
});
