import type { Metadata } from "next";
import { TriageBoard } from "@/components/triage/triage-board.tsx";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { can } from "@/lib/auth/permissions.ts";
import { getTriage } from "@/lib/incidents/get-triage.ts";

export const metadata: Metadata = { title: "Triage" };

export default async function TriagePage() {
  const actor = await getPageActor("/triage");
  const triage = await getTriage(actor);
  return <TriageBoard initial={triage} canDeclare={can(actor.role, "incident:declare")} />;
}
