import { db } from "../db/client.ts";
import { type SurveyResponse } from "./parse-survey.ts";

/**
 * Stores survey answers for counting; an answer the tool sends again (a retry, or Delighted's
 * "updated" event) is stored once, keyed by the tool's response id. Returns how many were new.
 */
export async function storeSurveyResponses(
  organizationId: string,
  integrationId: string,
  responses: SurveyResponse[],
  now = new Date(),
): Promise<number> {
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
