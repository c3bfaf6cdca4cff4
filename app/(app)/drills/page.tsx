import type { Metadata } from "next";
import { DrillList } from "@/components/drills/drill-list.tsx";
import { DrillStartForm } from "@/components/drills/drill-start-form.tsx";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { can } from "@/lib/auth/permissions.ts";
import { listCatalogNames } from "@/lib/drills/list-catalog-names.ts";
import { listDrills } from "@/lib/drills/list-drills.ts";
import { listScenarios } from "@/lib/drills/scenario-summary.ts";

export const metadata: Metadata = { title: "Drills" };

export default async function DrillsPage() {
  const actor = await getPageActor("/drills");
  const canRun = can(actor.role, "drill:run");
  const [drills, catalog] = await Promise.all([listDrills(actor), canRun ? listCatalogNames(actor) : null]);
  return (
    <main className="mx-auto w-full min-w-0 max-w-[1100px] space-y-6 p-4 sm:p-6">
      <div>
        <h1 className="text-xl font-semibold">Game-day drills</h1>
        <p className="mt-1 text-sm text-ink-muted">
          Rehearse a peak failure before it happens: a scripted practice incident fed with alerts, health changes, customer signals and
          stakeholder questions, worked as a real one.
        </p>
      </div>
      {catalog ? (
        <section aria-labelledby="start-drill" className="space-y-3">
          <h2 id="start-drill" className="text-base font-semibold">
            Start a drill
          </h2>
          <DrillStartForm scenarios={listScenarios(actor)} catalog={catalog} />
        </section>
      ) : null}
      <section aria-labelledby="past-drills" className="space-y-3">
        <h2 id="past-drills" className="text-base font-semibold">
          Drills
        </h2>
        <DrillList drills={drills} canRun={canRun} />
      </section>
    </main>
  );
}
