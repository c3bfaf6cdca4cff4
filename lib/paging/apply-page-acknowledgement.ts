import { acknowledgePage } from "./acknowledge-page.ts";
import { readPageAck } from "./page-ack.ts";

/** The hook the alert ingest calls for PagerDuty and Opsgenie sources: true when a page was acknowledged. */
export async function applyPageAcknowledgement(organizationId: string, kind: string, raw: string): Promise<boolean> {
  const ack = readPageAck(kind, raw);
  return ack ? (await acknowledgePage(organizationId, ack)) !== null : false;
}
