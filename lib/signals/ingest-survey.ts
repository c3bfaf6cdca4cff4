import { db } from "../db/client.ts";
import { parseSurveyPayload, type SurveyResponse } from "./parse-survey.ts";

/**
 * Stores survey answers for counting; an answer the tool sends again (a retry, or Delighted's
 * "updated" event) is stored once, keyed by the tool's response id. Returns how many were new.
 */
export async function storeSurveyResponses(organizationId: string, integrationId: string, responses: SurveyResponse[], now = new Date()): Promise<number> {
  if (!responses.length) return 0;
  const { count } = await db().customerSignal.createMany({
    data: responses.map((r) => ({
      organizationId,
      integrationId,
      responseId: r.responseId,
      journey: r.journey,
      score: r.score,
      comment: r.comment,
      // A time in the future is the sender's clock, not news: count it as now.
      answeredAt: r.answeredAt && r.answeredAt < now ? r.answeredAt : now,
    })),
    skipDuplicates: true,
  });
  return count;
}

/** What one survey delivery did; the webhook entry (integrations/ingest-webhook.ts) answers with it. */
export interface SurveyIngest {
  received: number;
  recorded: number;
  repeats: number;
  duplicate: boolean;
}

/** The survey half of the webhook (authenticated by the caller): answers stored, repeats counted. */
export async function ingestSurvey(integration: { id: string; organizationId: string }, rawBody: string): Promise<SurveyIngest> {
  const responses = parseSurveyPayload(rawBody);
  const stored = await storeSurveyResponses(integration.organizationId, integration.id, responses);
  await db().integration.update({ where: { id: integration.id }, data: { lastReceivedAt: new Date() }, select: { id: true } });
  return { received: responses.length, recorded: stored, repeats: responses.length - stored, duplicate: responses.length > 0 && stored === 0 };
}
