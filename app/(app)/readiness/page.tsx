import type { Metadata } from "next";
import { ReadinessBoard } from "@/components/readiness/readiness-board.tsx";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { can } from "@/lib/auth/permissions.ts";
import { getReadiness } from "@/lib/readiness/get-readiness.ts";

export const metadata: Metadata = { title: "Peak readiness" };

export default async function ReadinessPage() {
  const actor = await getPageActor("/readiness");
  return (
    <ReadinessBoard data={await getReadiness(actor)} canFix={can(actor.role, "catalog:edit")} isAdmin={can(actor.role, "org:admin")} />
  );
}
