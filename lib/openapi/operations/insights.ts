import { ZInsightsQuery } from "../../insights/schemas.ts";
import type { ApiOperation } from "../types.ts";
import { EVERYONE } from "./roles.ts";

const object = { type: "object" };
const array = { type: "array", items: object };

export const INSIGHT_OPERATIONS: ApiOperation[] = [
  {
    method: "GET",
    path: "/api/insights",
    operationId: "getInsights",
    tag: "Insights",
    summary: "Incident trends, loss and follow-up completion",
    description:
      "The incidents started in the last `weeks` ISO weeks (Monday to Sunday, the current one last, in the organisation's time zone): per week `{ weekStart, label (\"W48\"), bySeverity, total, mttaMinutes, mttrMinutes }` (medians; null in a week without data); `lossByJourney [{ journey, loss }]` and `lossByService [{ id, name, loss }]` in `currency`; `followUps { total, done, wontDo, remaining, overdue, completionRate }` over those incidents' post-mortems; `telling { withinMinutes, teamsToTell, toldInTime, toldLater, neverTold }`: the teams in each incident's blast radius and whether a notification entry told them within `withinMinutes` of detection, later, or never (the same record as the room's Teams to tell list). `from` is the first Monday, `today` the organisation's day.",
    auth: "session-or-token",
    roles: EVERYONE,
    params: { weeks: "4, 12 (default) or 26.", drills: "`include` counts game-day drills too; left out by default." },
    query: ZInsightsQuery,
    responses: {
      200: {
        description:
          "`{ weeks, from, today, timeZone, currency, incidentCount, totalLoss, perWeek, lossByJourney, lossByService, followUps, telling }`.",
        schema: {
          type: "object",
          properties: {
            weeks: { type: "integer", enum: [4, 12, 26] },
            from: { type: "string", format: "date" },
            today: { type: "string", format: "date" },
            timeZone: { type: "string" },
            currency: { type: "string", description: "ISO 4217." },
            incidentCount: { type: "integer" },
            totalLoss: { type: "number" },
            perWeek: array,
            lossByJourney: array,
            lossByService: array,
            followUps: object,
            telling: object,
          },
          required: [
            "weeks",
            "from",
            "today",
            "timeZone",
            "currency",
            "incidentCount",
            "totalLoss",
            "perWeek",
            "lossByJourney",
            "lossByService",
            "followUps",
            "telling",
          ],
        },
      },
    },
  },
];
