import "server-only";
import { type Actor } from "../auth/actor.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";
import { db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { publishPostmortemUpdated } from "../realtime/emit.ts";
import { loadPostmortem } from "./get-postmortem.ts";
import type { PostmortemDto } from "./postmortem-dto.ts";

// Draft → in review → published. Changes requested send it back to draft; editing a published
// one starts the next revision (see save-section.ts). Each step is one transaction with its audit.

type Tx = Prisma.TransactionClient;

/** Runs one post-mortem change in a transaction, then pushes the post-mortem as it now reads. */
export async function commitPostmortemChange(actor: Actor, id: string, step: (tx: Tx) => Promise<void>): Promise<PostmortemDto> {
  const postmortem = await db().$transaction(async (tx) => {
    await step(tx);
    return loadPostmortem(tx, actor, id);
  }, TX_OPTIONS);
  publishPostmortemUpdated(postmortem);
  return postmortem;
}
