import { hashPassword } from "../auth/password.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { ZSetup } from "./schemas.ts";
import { alreadySetUp } from "./already-set-up.ts";
import { needsSetup } from "./needs-setup.ts";

// First-run setup: the organisation and its first admin, on a database with no organisation.
// Same advisory lock as the demo seed, so setup, a seeding instance and a second setup call
// racing on an empty database leave exactly one organisation; the others get 403.
const FIRST_ORGANISATION_LOCK = 72707370;

function slugOf(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "warroom"
  );
}

export interface SetupResult {
  organization: { id: string; name: string; currency: string; timeZone: string };
  admin: { id: string; name: string; email: string; role: "ADMIN" };
}

export async function setupOrganization(input: unknown): Promise<SetupResult> {
  const data = ZSetup.parse(input);
  if (!(await needsSetup())) throw alreadySetUp();
  const passwordHash = await hashPassword(data.admin.password);
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_ORGANISATION_LOCK})`;
    if ((await tx.organization.count()) > 0) throw alreadySetUp();
    const org = await tx.organization.create({ data: { ...data.organization, slug: slugOf(data.organization.name) } });
    const admin = await tx.user.create({
      data: { organizationId: org.id, name: data.admin.name, email: data.admin.email, role: "ADMIN", passwordHash },
    });
    const principal = { organizationId: org.id, actorId: admin.id, via: "setup" } as const;
    await recordAudit(tx, principal, {
      action: "organization.created",
      entityType: "Organization",
      entityId: org.id,
      after: { name: org.name, currency: org.currency, timeZone: org.timeZone },
    });
    await recordAudit(tx, principal, {
      action: "user.created",
      entityType: "User",
      entityId: admin.id,
      after: { email: admin.email, name: admin.name, role: "ADMIN", via: "setup" },
    });
    return {
      organization: { id: org.id, name: org.name, currency: org.currency, timeZone: org.timeZone },
      admin: { id: admin.id, name: admin.name, email: admin.email, role: "ADMIN" as const },
    };
  });
}
