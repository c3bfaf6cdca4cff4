import { listScenarios } from "@/lib/drills/scenario-summary.ts";
import { authedRoute, json } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

/** GET: the shipped drill scenarios with their briefing, steps and duration at each speed. */
export const GET = authedRoute(async ({ actor }) => json({ scenarios: listScenarios(actor) }));
