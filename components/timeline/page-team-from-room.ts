"use client";
import { apiRequest } from "../api/api-client.ts";

/** The composer's `/page`: the refusal to show ("already paged 3 min ago…"), or null once paged. */
export async function pageTeamFromRoom(incidentId: string, team: string, reason: string): Promise<string | null> {
  const res = await apiRequest(`/api/incidents/${incidentId}/pages`, { method: "POST", body: { team, reason } });
  return res.ok ? null : res.error.message;
}
