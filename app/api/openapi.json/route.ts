import { NextResponse } from "next/server";
import { publicRoute } from "@/lib/http/api-handler.ts";
import { openApiDocument } from "@/lib/openapi/build-openapi.ts";

export const dynamic = "force-dynamic";

// Public like /api/health: client generators and API explorers fetch it without a session.
export const GET = publicRoute(async () =>
  NextResponse.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } }),
);
