import type { Actor } from "../../lib/auth/actor.ts";
import { setIncidentImpact } from "../../lib/incidents/set-incident-impact.ts";
import type { IncidentDto } from "../../lib/incident-record/incident-dto.ts";
import { setImpactedServices } from "../../lib/incidents/set-impacted-services.ts";
import { updateIncident } from "../../lib/incidents/update-incident.ts";
import { createPostmortem } from "../../lib/postmortems/create-postmortem.ts";
import type { PostmortemDto } from "../../lib/postmortems/postmortem-dto.ts";
import { pinEvent } from "../../lib/timeline/pin-event.ts";
import { postEvent } from "../../lib/timeline/post-event.ts";
import { seedIncident } from "./seed.ts";

export interface ResolvedIncidentOptions {
  title?: string;
  severity?: "SEV1" | "SEV2" | "SEV3" | "SEV4";
  /** Text of an entry that is pinned as a key moment. */
  pinned?: string;
  /** Checkout degradation in percent while it lasted. */
  checkoutDegradation?: number;
  serviceIds?: string[];
  /** Someone told a team: the notification entry the draft lists. */
  notify?: { target: string; teamId?: string; acknowledged?: boolean };
}

/** An incident run through the write paths the room uses: impact, a pinned moment, resolved. */
export async function seedResolvedIncident(commander: Actor, options: ResolvedIncidentOptions = {}): Promise<IncidentDto> {
  const incident = await seedIncident(commander, {
    title: options.title ?? "Card payments failing at checkout",
    severity: options.severity ?? "SEV2",
  });
  if (options.serviceIds) await setImpactedServices(commander, incident.id, { serviceIds: options.serviceIds });
  await setIncidentImpact(commander, incident.id, {
    journeys: { checkout: { degradation: options.checkoutDegradation ?? 40, failedCheckouts: 120 } },
  });
  const { event } = await postEvent(commander, incident.id, {
    kind: "decision",
    body: options.pinned ?? "Disable the new 3DS integration behind its flag",
  });
  await pinEvent(commander, incident.id, event.seq, { pinned: true });
  if (options.notify) {
    await postEvent(commander, incident.id, {
      kind: "notification",
      body: `Told ${options.notify.target}`,
      data: {
        target: options.notify.target,
        channel: "chat",
        ...(options.notify.teamId ? { teamId: options.notify.teamId } : {}),
        ...(options.notify.acknowledged ? { acknowledgedAt: new Date().toISOString() } : {}),
      },
    });
  }
  await postEvent(commander, incident.id, { kind: "note", body: "Error rate back under 1%" });
  return updateIncident(commander, incident.id, { status: "resolved" });
}

/** A resolved incident with its drafted post-mortem. */
export async function seedPostmortem(
  commander: Actor,
  options: ResolvedIncidentOptions & { templateKey?: string } = {},
): Promise<PostmortemDto> {
  const incident = await seedResolvedIncident(commander, options);
  const { postmortem } = await createPostmortem(commander, incident.id, options.templateKey ? { templateKey: options.templateKey } : {});
  return postmortem;
}
