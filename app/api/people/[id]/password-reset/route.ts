import { authedRoute, json } from "@/lib/http/api-handler.ts";
import { issuePasswordReset } from "@/lib/people/issue-password-reset.ts";

export const dynamic = "force-dynamic";

export const POST = authedRoute<{ id: string }>(async ({ actor, params }) => json(await issuePasswordReset(actor, params.id), 201));
