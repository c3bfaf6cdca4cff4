import { ZStartDrill } from "../../drills/schemas.ts";
import { ref } from "../response-schemas.ts";
import type { ApiOperation } from "../types.ts";
import { COMMANDERS, EVERYONE } from "./roles.ts";

const drill = {
  type: "object",
  description:
    '`{ id, scenarioKey ("custom" for a written one), scenarioName, speed (1, 2 or 5), status (running, finished, cancelled), startedAt, endedAt, startedBy, failingService {id,name}, incident {id, ref, title, status}, stepsPlayed, stepCount, nextStepAt }`.',
  properties: {
    id: { type: "string", format: "uuid" },
    scenarioKey: { type: "string" },
    scenarioName: { type: "string" },
    speed: { type: "integer", enum: [1, 2, 5] },
    status: { type: "string", enum: ["running", "finished", "cancelled"] },
    stepsPlayed: { type: "integer" },
    stepCount: { type: "integer" },
  },
  required: ["id", "scenarioKey", "scenarioName", "speed", "status", "stepsPlayed", "stepCount"],
};

export const DRILL_OPERATIONS: ApiOperation[] = [
  {
    method: "GET",
    path: "/api/drills/scenarios",
    operationId: "listDrillScenarios",
    tag: "Drills",
    summary: "The shipped drill scenarios",
    description:
      "Each with its briefing (`summary`), `failingService`, `stepCount`, `steps [{ at (seconds), type }]`, `durations` at ×1, ×2 and ×5 and its `yaml` (a starting point for a written one).",
    auth: "session-or-token",
    roles: EVERYONE,
    responses: {
      200: {
        description: "`{ scenarios: [Scenario] }`.",
        schema: { type: "object", properties: { scenarios: { type: "array", items: { type: "object" } } }, required: ["scenarios"] },
      },
    },
  },
  {
    method: "GET",
    path: "/api/drills",
    operationId: "listDrills",
    tag: "Drills",
    summary: "The organisation's drills, newest first",
    auth: "session-or-token",
    roles: EVERYONE,
    responses: {
      200: {
        description: "`{ drills: [Drill] }`.",
        schema: { type: "object", properties: { drills: { type: "array", items: drill } }, required: ["drills"] },
      },
    },
  },
  {
    method: "POST",
    path: "/api/drills",
    operationId: "startDrill",
    tag: "Drills",
    summary: "Start a drill",
    description:
      'A shipped scenario by `scenarioKey`, or a written one as `yaml` (format in the README, "Drills"), played at `speed` 1, 2 or 5. The scenario\'s services and teams are checked against the catalog first; every problem is a 422 whose `details.fields[]` carry `line` and `path` ("line 14: steps[3].at: 2m goes back before 5m"). Opens a practice incident titled `[DRILL] …` (no commander, SEV4: responders set both) and plays the steps into it from then on.',
    auth: "session-or-token",
    roles: COMMANDERS,
    body: { schema: ZStartDrill },
    responses: {
      201: {
        description: "`{ drill, incident }`.",
        schema: { type: "object", properties: { drill, incident: ref("Incident") }, required: ["drill", "incident"] },
      },
    },
  },
  {
    method: "POST",
    path: "/api/drills/{id}/cancel",
    operationId: "cancelDrill",
    tag: "Drills",
    summary: "Cancel a running drill",
    description: "No more steps are played and the practice incident is resolved; no report. 409 when the drill is not running.",
    auth: "session-or-token",
    roles: COMMANDERS,
    params: { id: "The drill's id." },
    responses: { 200: { description: "The drill.", schema: drill } },
  },
];
