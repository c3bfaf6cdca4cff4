import { authedRoute, json } from "@/lib/http/api-handler.ts";
import { reissueInvitation } from "@/lib/people/reissue-invitation.ts";
import { revokeInvitation } from "@/lib/people/revoke-invitation.ts";

export const dynamic = "force-dynamic";

export const POST = authedRoute<{ id: string }>(async ({ actor, params }) => json(await reissueInvitation(actor, params.id), 201));

export const DELETE = authedRoute<{ id: string }>(async ({ actor, params }) => json(await revokeInvitation(actor, params.id)));
