// Seed helpers go through the public API, so e2e data is made the way a client would make it.
import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";
import type { IncidentDto } from "@/lib/incident-record/incident-dto.ts";
import type { TDeclareIncident } from "@/lib/incident-record/schemas.ts";
import type { TimelineEventDto } from "@/lib/timeline/event-dto.ts";
import type { TPostEvent } from "@/lib/timeline/schemas.ts";

/** A short random tag, so texts from one test never match another test's. */
export function uniqueTag(): string {
  return randomBytes(4).toString("hex");
}

export async function seedIncident(api: APIRequestContext, input: Partial<TDeclareIncident> = {}): Promise<IncidentDto> {
  const res = await api.post("/api/incidents", {
    data: { title: `E2E incident ${uniqueTag()}`, severity: "SEV3", summary: "Made by the e2e suite.", ...input },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as IncidentDto;
}

export async function seedEvent(api: APIRequestContext, incidentId: string, input: Partial<TPostEvent> = {}): Promise<TimelineEventDto> {
  const res = await api.post(`/api/incidents/${incidentId}/events`, {
    data: { kind: "note", body: `E2E note ${uniqueTag()}`, ...input },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as TimelineEventDto;
}
