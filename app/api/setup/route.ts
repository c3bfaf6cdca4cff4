import { publicRoute, json, readJson } from "@/lib/http/api-handler.ts";
import { setupOrganization } from "@/lib/people/setup-organization.ts";

export const dynamic = "force-dynamic";

// First-run setup: open while no organisation exists, 403 for ever after.
export const POST = publicRoute(async ({ req }) => json(await setupOrganization(await readJson(req)), 201));
