"use client";
import { useEffect, useState } from "react";
import { apiRequest } from "@/components/api/api-client.ts";

export interface OwnerOptions {
  users: { id: string; name: string }[];
  teams: { id: string; name: string }[];
}

/** "user:<id>" / "team:<id>" / "": one select value for an owner that is a person or a team. */
export function ownerValue(owner: { kind: "user" | "team"; id: string } | null): string {
  return owner ? `${owner.kind}:${owner.id}` : "";
}

export function ownerFields(value: string): { ownerUserId: string | null; ownerTeamId: string | null } {
  const [kind, id] = value.split(":");
  return { ownerUserId: kind === "user" && id ? id : null, ownerTeamId: kind === "team" && id ? id : null };
}

/** People and teams of the organisation for the owner picker; given by the page, or fetched once. */
export function useOwnerOptions(given?: OwnerOptions): OwnerOptions | null {
  const [fetched, setFetched] = useState<OwnerOptions | null>(null);
  useEffect(() => {
    if (given) return;
    let live = true;
    void Promise.all([
      apiRequest<{ users: OwnerOptions["users"] }>("/api/users"),
      apiRequest<{ teams: OwnerOptions["teams"] }>("/api/teams"),
    ]).then(([u, t]) => {
      if (live && u.ok && t.ok) setFetched({ users: u.data.users, teams: t.data.teams });
    });
    return () => {
      live = false;
    };
  }, [given]);
  return given ?? fetched;
}
