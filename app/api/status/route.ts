import { publicRoute } from "@/lib/http/api-handler.ts";
import { publicStatusResponse } from "@/lib/status/public-status-response.ts";

export const dynamic = "force-dynamic";

// No login: the first organisation's public status (see /api/status/{slug} for a specific one).
export const GET = publicRoute(async () => publicStatusResponse(null));
