// Where pages go. The vendors' public endpoints by default; tests and on-premise proxies point
// them elsewhere. Read and validated at start-up (server.ts) and again when a page is queued, so a
// route handler bundled apart from server.ts sees the same values.
import { z } from "zod";
import { destinationUrlProblem } from "../outbound/destination-url.ts";

export interface PagingEndpoints {
  /** PagerDuty Events API v2 enqueue URL. */
  pagerDutyEventsUrl: string;
  /** Opsgenie API base (https://api.opsgenie.com, or https://api.eu.opsgenie.com for EU accounts). */
  opsgenieApiUrl: string;
}

const ZEndpoint = (name: string, fallback: string) =>
  z
    .string()
    .default(fallback)
    .superRefine((value, ctx) => {
      const problem = destinationUrlProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: `${name} ${problem}` });
    })
    .transform((v) => v.replace(/\/+$/, ""));

const ZPagingEnv = z.object({
  PAGERDUTY_EVENTS_URL: ZEndpoint("PAGERDUTY_EVENTS_URL", "https://events.pagerduty.com/v2/enqueue"),
  OPSGENIE_API_URL: ZEndpoint("OPSGENIE_API_URL", "https://api.opsgenie.com"),
});

/** A bad value stops the server with a message naming the variable. */
export function loadPagingEndpoints(source: Record<string, string | undefined> = process.env): PagingEndpoints {
  const relevant = {
    PAGERDUTY_EVENTS_URL: source.PAGERDUTY_EVENTS_URL || undefined,
    OPSGENIE_API_URL: source.OPSGENIE_API_URL || undefined,
  };
  const parsed = ZPagingEnv.safeParse(relevant);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return { pagerDutyEventsUrl: parsed.data.PAGERDUTY_EVENTS_URL, opsgenieApiUrl: parsed.data.OPSGENIE_API_URL };
}
