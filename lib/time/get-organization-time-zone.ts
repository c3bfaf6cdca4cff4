import "server-only";
import type { Actor } from "../auth/actor.ts";
import { preparedQuery } from "../db/client.ts";
import type { PreparedStatement } from "../db/open-database.ts";

// Every page render reads it (the app layout): a named statement, not an ORM read (#17 item 5).
const ZONE: PreparedStatement = { name: "warroom_organization_zone_v1", text: `SELECT "timeZone" FROM "Organization" WHERE id = $1::uuid` };

/** The organisation's IANA zone (impact settings), offered to viewers as an alternative to theirs. */
export async function getOrganizationTimeZone(actor: Actor): Promise<string> {
  const [org] = await preparedQuery<{ timeZone: string }>(ZONE, [actor.organizationId]);
  return org?.timeZone ?? "UTC";
}
