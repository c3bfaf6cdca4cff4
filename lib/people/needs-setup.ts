import { db } from "../db/client.ts";

/** Whether first-run setup is still to be done (pages redirect to /setup while it is). */
export async function needsSetup(): Promise<boolean> {
  return (await db().organization.findFirst({ select: { id: true } })) === null;
}
