import { publicRoute, json, readJson } from "@/lib/http/api-handler.ts";
import { acceptInvitation } from "@/lib/people/accept-invitation.ts";

export const dynamic = "force-dynamic";

// The link's token is the credential: it travels in the body, so it stays out of access logs.
export const POST = publicRoute(async ({ req }) => json(await acceptInvitation(await readJson(req))));
