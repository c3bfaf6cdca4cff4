// Post-mortem seed helpers over the public API, the way a client would make them.
import { expect, type APIRequestContext } from "@playwright/test";
import type { IncidentDto } from "@/lib/incident-record/incident-dto.ts";
import type { PostmortemDto } from "@/lib/postmortems/postmortem-dto.ts";
import { seedEvent, seedIncident, uniqueTag } from "./seed.ts";

/** Declares, posts a pinned decision and sets checkout impact; the caller resolves it. */
export async function seedIncidentForPostmortem(api: APIRequestContext, pinned: string): Promise<IncidentDto> {
  const incident = await seedIncident(api, { title: `Card payments failing ${uniqueTag()}`, severity: "SEV2" });
  const entry = await seedEvent(api, incident.id, { kind: "decision", body: pinned });
  expect((await api.post(`/api/incidents/${incident.id}/events/${entry.seq}/pin`, { data: { pinned: true } })).status()).toBe(200);
  const impact = await api.put(`/api/incidents/${incident.id}/impact`, {
    data: { journeys: { checkout: { degradation: 40, failedCheckouts: 120 } } },
  });
  expect(impact.status(), await impact.text()).toBe(200);
  return incident;
}

/** A resolved incident with its drafted post-mortem. */
export async function seedPostmortem(api: APIRequestContext, pinned = `Disable the 3DS flag ${uniqueTag()}`): Promise<PostmortemDto> {
  const incident = await seedIncidentForPostmortem(api, pinned);
  expect((await api.patch(`/api/incidents/${incident.id}`, { data: { status: "resolved" } })).status()).toBe(200);
  const res = await api.post(`/api/incidents/${incident.id}/postmortem`, { data: {} });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as PostmortemDto;
}

export function sectionOf(pm: PostmortemDto, key: string) {
  const s = pm.sections.find((x) => x.key === key);
  if (!s) throw new Error(`no section ${key}`);
  return s;
}
