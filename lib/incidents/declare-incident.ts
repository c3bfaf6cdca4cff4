import { assertCan, type Actor } from "../auth/actor.ts";
import { principalOf } from "../audit/audit-principal.ts";
import { db } from "../db/client.ts";
import { appendEvent } from "../timeline/append-event.ts";
import { SEVERITY_INFO } from "../vocabulary/incidents.ts";
import { announceDeclared, createIncidentInTx } from "./create-incident-in-tx.ts";
import type { IncidentDto } from "../incident-record/incident-dto.ts";
import { ZDeclareIncident } from "../incident-record/schemas.ts";

/** Declares an incident; the declarer takes command until they hand it over. */
export async function declareIncident(actor: Actor, input: unknown): Promise<IncidentDto> {
  assertCan(actor, "incident:declare");
  const data = ZDeclareIncident.parse(input);

  const now = new Date();
  const declared = await db().$transaction(
    (tx) =>
      createIncidentInTx(tx, principalOf(actor), {
        title: data.title,
        summary: data.summary,
        severity: data.severity,
        commanderId: actor.userId,
        // A person declaring it has, by definition, acknowledged it.
        startedAt: now,
        acknowledgedAt: now,
        open: async (tx, incidentId) => [
          await appendEvent(tx, {
            incidentId,
            kind: "status_change",
            body: `Declared ${SEVERITY_INFO[data.severity].label} · investigating · ${actor.name} is incident commander`,
            authorId: actor.userId,
          }),
        ],
        outbound: { occurredAt: now },
      }),
    // As every incident write: a busy database queues declarations rather than failing them at 5 s.
    { maxWait: 10_000, timeout: 15_000 },
  );

  announceDeclared(actor.organizationId, declared);
  return declared.incident;
}
