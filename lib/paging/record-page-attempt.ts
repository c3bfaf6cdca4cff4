// What the vendor answered a page: a refusal (400 bad routing key, 401, 429, 5xx) is shown on the
// team in the room at once, an amendment of the page's entry every browser applies; a later
// success clears it. The delivery log keeps every answer (lib/outbound).
import { db } from "../db/client.ts";
import type { AttemptDecision } from "../outbound/attempt-result.ts";
import type { ClaimedDelivery } from "../outbound/claim-due-deliveries.ts";
import { publishTimelineEvent } from "../realtime/emit.ts";
import { PAGE_EVENTS, PAGING_KIND_LABELS } from "./constants.ts";
import { amendPageTold } from "./record-page-told.ts";

export async function recordPageAttempt(claim: ClaimedDelivery, decision: AttemptDecision): Promise<void> {
  if (!claim.pageId || claim.event === PAGE_EVENTS.resolve) return;
  const pageId = claim.pageId;
  const amendment = await db().$transaction(async (tx) => {
    const page = await tx.page.findUnique({
      where: { id: pageId },
      select: { id: true, incidentId: true, eventSeq: true, status: true, lastError: true, kind: true, team: { select: { name: true } } },
    });
    if (!page || page.status === "resolved") return null;
    const vendor = PAGING_KIND_LABELS[page.kind === "pagerduty" || page.kind === "opsgenie" ? page.kind : "webhook"];
    if (decision.status === "delivered") {
      if (page.lastError === "" && page.status !== "failed") return null;
      await tx.page.update({
        where: { id: page.id },
        data: { lastError: "", lastStatusCode: decision.lastStatusCode, status: page.status === "failed" ? "triggered" : page.status },
      });
      return null;
    }
    const willRetry = decision.status === "pending";
    const lastError = willRetry ? `${decision.lastError} (retrying)` : decision.lastError;
    await tx.page.update({
      where: { id: page.id },
      data: { lastError, lastStatusCode: decision.lastStatusCode, ...(willRetry ? {} : { status: "failed", nextEscalationAt: null }) },
    });
    // Said once per refusal, not once per retry: the first failure and the final one.
    if (willRetry && page.lastError !== "") return null;
    const body = willRetry
      ? `${vendor} did not take the page to ${page.team.name} yet: ${decision.lastError}; retrying`
      : `${vendor} refused the page to ${page.team.name}: ${decision.lastError}`;
    return amendPageTold(tx, {
      incidentId: page.incidentId,
      seq: page.eventSeq,
      change: "correct",
      body,
      patch: { pageError: lastError.slice(0, 500) },
    });
  });
  if (amendment) publishTimelineEvent(amendment);
}
