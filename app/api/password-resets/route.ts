import { publicRoute, json, readJson } from "@/lib/http/api-handler.ts";
import { completePasswordReset } from "@/lib/people/complete-password-reset.ts";

export const dynamic = "force-dynamic";

// The reset link's token is the credential, sent in the body (never in a URL the server logs).
export const POST = publicRoute(async ({ req }) => json(await completePasswordReset(await readJson(req))));
