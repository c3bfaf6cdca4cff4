import type { ApiOperation } from "../types.ts";
import { EVERYONE } from "./roles.ts";

const object = { type: "object" };

export const READINESS_OPERATIONS: ApiOperation[] = [
  {
    method: "GET",
    path: "/api/readiness",
    operationId: "getReadiness",
    tag: "Insights",
    summary: "Peak readiness of every service and team",
    description:
      "Every service against the coming Black Friday – Cyber Monday (`peak`, the organisation's calendar days; `isCovered` when peak windows cover all of it), riskiest first: `checks` (`onCall`, `runbook`, `healthCheck`, `alertSource`, `baselines`, `peakWindow`, each `ok`, `gap` or `na` when the service is on no customer journey), `gaps` in words, `journeysAtStake` (its own journeys and its consumers', transitively) and `atStakePerMinute`: revenue lost per minute if it failed completely at the busiest hour of the peak's first day. `teams`: on-call, escalation and chat channel gaps, and the most any of their services puts at stake.",
    auth: "session-or-token",
    roles: EVERYONE,
    responses: {
      200: {
        description: "`{ generatedAt, currency, timeZone, peak, hasAlertSources, services, teams }`.",
        schema: {
          type: "object",
          properties: {
            generatedAt: { type: "string", format: "date-time" },
            currency: { type: "string", description: "ISO 4217." },
            timeZone: { type: "string" },
            peak: object,
            hasAlertSources: { type: "boolean" },
            services: { type: "array", items: object },
            teams: { type: "array", items: object },
          },
          required: ["generatedAt", "currency", "timeZone", "peak", "hasAlertSources", "services", "teams"],
        },
      },
    },
  },
];
