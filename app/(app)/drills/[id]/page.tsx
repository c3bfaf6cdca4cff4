import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DrillReportView } from "@/components/drills/report/drill-report-view.tsx";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { can } from "@/lib/auth/permissions.ts";
import { getDrillReport } from "@/lib/drill-reports/get-drill-report.ts";
import { AppError } from "@/lib/errors/app-error.ts";

type Params = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => {
  const actor = await getPageActor(`/drills/${id}`);
  try {
    return { actor, data: await getDrillReport(actor, id) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { data } = await load((await params).id);
  return { title: `Drill report · ${data.drill.scenarioName}` };
}

export default async function DrillReportPage({ params }: Params) {
  const { actor, data } = await load((await params).id);
  return (
    <DrillReportView data={data} canEnd={can(actor.role, "incident:command")} canCreateActions={can(actor.role, "action-item:edit")} />
  );
}
