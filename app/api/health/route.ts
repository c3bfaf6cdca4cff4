import { databaseKind, db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { json, publicRoute } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = publicRoute(async () => {
  try {
    await db().$queryRaw`SELECT 1`;
  } catch {
    throw new AppError("unavailable", "The database is unreachable");
  }
  return json({ status: "ok", database: databaseKind() });
});
