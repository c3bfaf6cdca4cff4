// Pure: answers from customer-feedback tools (exit-intent and post-purchase surveys) as Warroom
// reads them. Two shapes: Warroom's generic JSON (what Zigpoll, Hotjar, Medallia and most tools
// can send through their webhook or a Zapier/Make step) and Delighted's webhook as it comes.
import { z } from "zod";
import { JOURNEYS, type JourneyName } from "../vocabulary/catalog.ts";
import { AppError } from "../errors/app-error.ts";

export interface SurveyResponse {
  responseId: string;
  /** Named by the tool, or found in the comment; null when neither says. */
  journey: JourneyName | null;
  score: number | null;
  comment: string;
  answeredAt: Date | null;
}

export const MAX_COMMENT = 1000;
export const MAX_RESPONSES_PER_DELIVERY = 500;

// Words customers use for each journey; checked in this order, so "card declined at checkout"
// counts for payment, the more specific fault.
const KEYWORDS: [JourneyName, RegExp][] = [
  ["payment", /\b(payment|pay|paid|card|credit|debit|paypal|apple pay|klarna|declined|3ds)\b/i],
  ["checkout", /\b(checkout|check out|check-out|place (my |the )?order|order button)\b/i],
  ["cart", /\b(cart|basket|bag)\b/i],
  ["search", /\b(search|find|results)\b/i],
  ["product_page", /\b(product page|product|item page|size|variant|out of stock)\b/i],
  ["fulfillment", /\b(deliver(y|ed)?|shipping|shipment|dispatch|courier|parcel)\b/i],
  ["returns", /\b(return|refund|exchange)\b/i],
  ["post_purchase", /\b(order status|tracking|track my order|confirmation( email)?|invoice)\b/i],
  ["browse", /\b(browse|category|homepage|home page|menu|site (is )?(slow|down))\b/i],
];

/** "Product page", "product-page", "PRODUCT_PAGE" → product_page; unknown → null. */
export function normalizeJourney(value: unknown): JourneyName | null {
  if (typeof value !== "string") return null;
  const key = value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return (JOURNEYS as readonly string[]).includes(key) ? (key as JourneyName) : null;
}

export function journeyFromComment(comment: string): JourneyName | null {
  for (const [journey, pattern] of KEYWORDS) if (pattern.test(comment)) return journey;
  return null;
}

const ZScore = z.coerce.number().finite().nullable().optional().catch(null);
const ZTime = z
  .union([z.iso.datetime({ offset: true }), z.number()])
  .optional()
  .catch(undefined);

/** Warroom's generic survey answer: one per delivery, or many in `ZSurveyBatch`. */
export const ZSurveyAnswer = z.object({
  responseId: z.union([z.string().trim().min(1).max(200), z.number()], {
    error: "responseId is required: the tool's id of the answer, so a retry counts once",
  }),
  journey: z.string().max(100).optional(),
  score: ZScore,
  comment: z.string().optional().catch(undefined),
  answeredAt: ZTime,
});

export const ZSurveyBatch = z.object({
  responses: z.array(ZSurveyAnswer).max(MAX_RESPONSES_PER_DELIVERY, "at most 500 responses per delivery"),
});

const ZDelighted = z.object({
  event_type: z.string(),
  event_data: z.object({
    id: z.union([z.string(), z.number()]),
    score: ZScore,
    comment: z.string().nullable().optional(),
    created_at: z.number().optional(),
    updated_at: z.number().optional(),
    properties: z.record(z.string(), z.unknown()).optional().catch(undefined),
    person_properties: z.record(z.string(), z.unknown()).optional().catch(undefined),
  }),
});

function toDate(value: string | number | undefined): Date | null {
  if (value === undefined) return null;
  // Unix seconds (Delighted) or milliseconds.
  const date = typeof value === "number" ? new Date(value < 1e12 ? value * 1000 : value) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function response(
  id: string | number,
  journey: unknown,
  score: number | null | undefined,
  comment: string | null | undefined,
  at: string | number | undefined,
): SurveyResponse {
  const text = (comment ?? "").trim().slice(0, MAX_COMMENT);
  return {
    responseId: String(id),
    journey: normalizeJourney(journey) ?? journeyFromComment(text),
    score: score ?? null,
    comment: text,
    answeredAt: toDate(at),
  };
}

/** Reads one delivery: a generic response, `{ responses: [...] }`, or a Delighted event. Bad input is a 422 naming the field. */
export function parseSurveyPayload(rawBody: string): SurveyResponse[] {
  let body: unknown;
  try {
    body = JSON.parse(rawBody) as unknown;
  } catch {
    throw new AppError("bad_request", "Request body is not valid JSON");
  }
  const delighted = ZDelighted.safeParse(body);
  if (delighted.success) {
    // Only answers: unsubscribes and other Delighted events carry no response.
    if (!delighted.data.event_type.startsWith("survey_response.")) return [];
    const d = delighted.data.event_data;
    const journey = d.properties?.journey ?? d.person_properties?.journey;
    return [response(d.id, journey, d.score, d.comment, d.updated_at ?? d.created_at)];
  }
  const isBatch = typeof body === "object" && body !== null && "responses" in body;
  const list = isBatch ? ZSurveyBatch.parse(body).responses : [ZSurveyAnswer.parse(body)];
  return list.map((r) => response(r.responseId, r.journey, r.score, r.comment, r.answeredAt));
}
