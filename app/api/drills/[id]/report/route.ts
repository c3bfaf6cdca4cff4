import { getDrillReport } from "@/lib/drill-reports/get-drill-report.ts";
import { authedRoute, json } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

/** GET: the drill and its stored report (null until it is finished). */
export const GET = authedRoute<{ id: string }>(async ({ actor, params }) => json(await getDrillReport(actor, params.id)));
