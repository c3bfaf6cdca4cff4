import type pg from "pg";

// The herd: distinct people created for the run in the demo organisation (real rows, each its own
// session), named like people, in the roles a SEV1 draws: mostly responders, then viewers
// (customer service, leadership), commanders and admins. The first `posters` are responders.

const FIRST = [
  "Ada",
  "Bilal",
  "Chen",
  "Dara",
  "Elif",
  "Femi",
  "Greta",
  "Hiro",
  "Ines",
  "Jonas",
  "Kemal",
  "Lena",
  "Mateo",
  "Nia",
  "Olu",
  "Priya",
  "Quinn",
  "Rosa",
  "Sven",
  "Tariq",
  "Uma",
  "Viktor",
  "Wen",
  "Ximena",
  "Yusuf",
  "Zoe",
  "Amara",
  "Bruno",
  "Carla",
  "Deniz",
  "Emil",
  "Farah",
  "Gabriel",
  "Hana",
  "Ivan",
  "Jade",
  "Kofi",
  "Lucia",
  "Malik",
  "Noor",
];
const LAST = [
  "Abara",
  "Berg",
  "Costa",
  "Dahl",
  "Eze",
  "Fischer",
  "Garcia",
  "Haddad",
  "Ito",
  "Jensen",
  "Kowalski",
  "Larsen",
  "Moreau",
  "Nakamura",
  "Okafor",
  "Petrov",
  "Quint",
  "Rossi",
  "Sato",
  "Torres",
  "Ueda",
  "Varga",
  "Weber",
  "Xu",
  "Yilmaz",
  "Zhang",
  "Andersen",
  "Bianchi",
  "Cruz",
  "Duval",
];
const ROLES = [
  "RESPONDER",
  "RESPONDER",
  "RESPONDER",
  "RESPONDER",
  "RESPONDER",
  "RESPONDER",
  "VIEWER",
  "VIEWER",
  "COMMANDER",
  "ADMIN",
] as const;

export async function herdUsers(
  db: pg.Client,
  count: number,
  posters: number,
): Promise<{ people: { id: string; name: string; role: string }[]; commanderId: string }> {
  const demo = await db.query<{ id: string; organizationId: string }>(
    `SELECT id, "organizationId" FROM "User" WHERE role = 'COMMANDER' ORDER BY email LIMIT 1`,
  );
  const commander = demo.rows[0];
  if (!commander) throw new Error("the demo organisation has no commander");
  const names: string[] = [];
  const roles: string[] = [];
  const emails: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
    names.push(count > FIRST.length * LAST.length ? `${name} ${i}` : name);
    roles.push(i < posters ? "RESPONDER" : (ROLES[i % ROLES.length] ?? "RESPONDER"));
    emails.push(`herd-${i}@bench.local`);
  }
  const rows = await db.query<{ id: string; name: string; role: string }>(
    `INSERT INTO "User" (id, "organizationId", name, email, role)
     SELECT gen_random_uuid(), $1, n, e, r::"Role" FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS t(n, e, r, ord)
     ORDER BY ord RETURNING id, name, role::text AS role`,
    [commander.organizationId, names, emails, roles],
  );
  return { people: rows.rows, commanderId: commander.id };
}
