import { describe, expect, it } from "vitest";
import { toAppError } from "../../lib/errors/to-app-error.ts";
import { journeyFromComment, parseSurveyPayload } from "../../lib/signals/parse-survey.ts";

const fieldsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    const e = toAppError(error);
    return { status: e.status, fields: ((e.details as { fields?: { field: string }[] } | undefined)?.fields ?? []).map((f) => f.field) };
  }
  throw new Error("expected a failure");
};

describe("survey payloads", () => {
  it("read Warroom's generic JSON, one or a batch", () => {
    const one = parseSurveyPayload(
      JSON.stringify({ responseId: "zp-1", journey: "Checkout", score: 2, comment: "Spinner forever", answeredAt: "2026-11-27T14:02:00Z" }),
    );
    expect(one).toEqual([
      { responseId: "zp-1", journey: "checkout", score: 2, comment: "Spinner forever", answeredAt: new Date("2026-11-27T14:02:00Z") },
    ]);
    const batch = parseSurveyPayload(
      JSON.stringify({
        responses: [
          { responseId: 7, journey: "product page" },
          { responseId: "b", comment: "my card was declined twice" },
        ],
      }),
    );
    expect(batch.map((r) => [r.responseId, r.journey, r.score, r.answeredAt])).toEqual([
      ["7", "product_page", null, null],
      ["b", "payment", null, null],
    ]);
  });

  it("read Delighted's webhook, journey from its properties or the comment", () => {
    const event = {
      event_type: "survey_response.created",
      event_data: {
        id: "5435",
        score: 3,
        comment: "Could not check out",
        created_at: 1764252120,
        person: "1",
        properties: { journey: "checkout" },
      },
    };
    expect(parseSurveyPayload(JSON.stringify(event))).toEqual([
      { responseId: "5435", journey: "checkout", score: 3, comment: "Could not check out", answeredAt: new Date(1764252120 * 1000) },
    ]);
    const noJourney = { ...event, event_data: { ...event.event_data, properties: {}, comment: "The basket emptied itself" } };
    expect(parseSurveyPayload(JSON.stringify(noJourney))[0]?.journey).toBe("cart");
    expect(parseSurveyPayload(JSON.stringify({ event_type: "unsubscribe.created", event_data: { id: "9" } }))).toEqual([]);
  });

  it("finds the journey a comment is about, the specific fault first", () => {
    expect(journeyFromComment("Card declined at checkout")).toBe("payment");
    expect(journeyFromComment("checkout button does nothing")).toBe("checkout");
    expect(journeyFromComment("Where is my parcel?")).toBe("fulfillment");
    expect(journeyFromComment("Lovely shop")).toBeNull();
  });

  it("refuse a response without an id (422 naming responseId) and bad JSON (400)", () => {
    expect(fieldsOf(() => parseSurveyPayload(JSON.stringify({ journey: "checkout" })))).toEqual({ status: 422, fields: ["responseId"] });
    expect(fieldsOf(() => parseSurveyPayload(JSON.stringify({ responses: [{ responseId: "a" }, { score: 1 }] })))).toEqual({
      status: 422,
      fields: ["responses.1.responseId"],
    });
    expect(fieldsOf(() => parseSurveyPayload("{nope")).status).toBe(400);
  });
});
