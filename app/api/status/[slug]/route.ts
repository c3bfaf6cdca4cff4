import { publicRoute } from "@/lib/http/api-handler.ts";
import { publicStatusResponse } from "@/lib/status/public-status-response.ts";

export const dynamic = "force-dynamic";

// No login: one organisation's public status, by its slug.
export const GET = publicRoute<{ slug: string }>(async ({ params }) => publicStatusResponse(params.slug));
