import { db } from "../db/client.ts";
import { parseSurveyPayload } from "./parse-survey.ts";
import { storeSurveyResponses } from "./store-survey-responses.ts";

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
  return {
    received: responses.length,
    recorded: stored,
    repeats: responses.length - stored,
    duplicate: responses.length > 0 && stored === 0,
  };
}
