import type { ApiOperation } from "../types.ts";
import { COMMANDERS, EVERYONE } from "./roles.ts";

const id = { id: "The drill's id." };
const object = { type: "object" };
const answer = {
  type: "object",
  properties: { drill: object, report: { oneOf: [object, { type: "null" }] } },
  required: ["drill", "report"],
};

export const DRILL_REPORT_OPERATIONS: ApiOperation[] = [
  {
    method: "POST",
    path: "/api/drills/{id}/end",
    operationId: "endDrill",
    tag: "Incidents",
    summary: "End a drill and score it",
    description:
      "Resolves the drill's practice incident if it is not resolved (the same status change as `PATCH /api/incidents/{id}`), marks the drill finished and stores its report, in one transaction. Ending a finished drill answers its report again. Resolving the practice incident from the room ends the drill the same way.",
    auth: "session-or-token",
    roles: COMMANDERS,
    params: id,
    responses: {
      200: { description: "`{ drill, report }`: the finished drill and its report.", schema: answer },
      409: { description: "The drill was cancelled: a cancelled drill cannot be ended." },
    },
  },
  {
    method: "GET",
    path: "/api/drills/{id}/report",
    operationId: "getDrillReport",
    tag: "Incidents",
    summary: "A drill's scored report",
    description:
      "`report` is null until the drill is finished. `metrics[]`: `key` (`acknowledge`, `severity`, `impact`, `notifyAll`, `identify`, `confirm`, `firstUpdate`), `wallMs` and `drillMs` (wall time × speed) from the drill's start, null when not done; `teams[]` of the failing service's blast radius with when each was first told; `loss` (`wall` and `drill` = wall × speed); `comparison.metrics[]` with the previous drill of the same scenario, the median of all earlier drills and the median of real incidents (drills excluded); `lessons` (`wentWell`, `wasSlow`, `neverTold`, suggested `actions`).",
    auth: "session-or-token",
    roles: EVERYONE,
    params: id,
    responses: { 200: { description: "`{ drill, report }`.", schema: answer } },
  },
];
