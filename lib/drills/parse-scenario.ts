// Client-safe and pure: a scenario's YAML → a DrillScenario, or every problem found, each naming
// its line and field, so a person writing one fixes it at once (the start page shows them at the
// line; the API answers 422 with them).
import { LineCounter, parseDocument, type Document } from "yaml";
import { z } from "zod";
import { JOURNEYS } from "../vocabulary/catalog.ts";
import { SEVERITIES } from "../vocabulary/incidents.ts";
import { formatDuration, parseDuration } from "./duration.ts";
import {
  DRILL_ALERT_SOURCES,
  STEP_TYPES,
  type DrillScenario,
  type DrillStep,
  type ScenarioProblem,
  type ScenarioRef,
  type StepType,
} from "./scenario-types.ts";

export const MAX_SCENARIO_BYTES = 64 * 1024;
export const MAX_STEPS = 50;
const MAX_OFFSET_SECONDS = 24 * 3600;

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(1, `${field} is required`)
    .max(max, `${field} must be at most ${max} characters`);

const STEP_SCHEMAS = {
  alert: z
    .object({
      source: z.enum(DRILL_ALERT_SOURCES, { error: `source must be one of ${DRILL_ALERT_SOURCES.join(", ")}` }).default("alertmanager"),
      service: text("service", 200),
      severity: z.string().trim().min(1).max(50).default("critical"),
      status: z.enum(["firing", "resolved"], { error: 'status must be "firing" or "resolved"' }).default("firing"),
      title: text("title", 200),
      description: z.string().max(4000).default(""),
      key: z.string().trim().min(1).max(200).optional(),
    })
    .strict(),
  health: z
    .object({
      service: text("service", 200),
      status: z.enum(["ok", "degraded", "down"], { error: 'status must be "ok", "degraded" or "down"' }),
      note: z.string().max(500).default(""),
    })
    .strict(),
  survey: z
    .object({
      journey: z.enum(JOURNEYS, { error: `journey must be one of ${JOURNEYS.join(", ")}` }),
      text: text("text", 1000),
      count: z.number({ error: "count must be a whole number" }).int("count must be a whole number").min(1).max(10_000).default(1),
    })
    .strict(),
  stakeholder: z.object({ from: text("from", 200), message: text("message", 2000) }).strict(),
} as const;

const ZHeader = z
  .object({
    key: z
      .string({ error: "key is required" })
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "key must be lower-case letters, digits and dashes (e.g. payment-gateway-timeouts)"),
    name: text("name", 200),
    summary: text("summary", 4000),
    severity_hint: z.enum(SEVERITIES, { error: `severity_hint must be one of ${SEVERITIES.join(", ")}` }).optional(),
    failing_service: text("failing_service", 200),
    teams: z.array(text("team", 200)).max(50).default([]),
    steps: z
      .array(z.unknown(), { error: "steps must be a list" })
      .min(1, "steps must hold at least one step")
      .max(MAX_STEPS, `at most ${MAX_STEPS} steps`),
  })
  .strict();

type Path = readonly (string | number)[];

function fieldOf(path: Path): string {
  return path.reduce<string>((out, p) => (typeof p === "number" ? `${out}[${p}]` : out ? `${out}.${p}` : p), "");
}

/** The line of the deepest node that exists on `path` (a missing field points at its parent). */
function lineOf(doc: Document, counter: LineCounter, path: Path): number {
  for (let i = path.length; i >= 0; i--) {
    const node = doc.getIn(path.slice(0, i), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === "object" && node.range) return counter.linePos(node.range[0]).line;
  }
  return 1;
}

function issuesOf(error: z.ZodError, base: Path, at: (p: Path) => number): ScenarioProblem[] {
  return error.issues.flatMap((issue) => {
    const path = [...base, ...issue.path.filter((p): p is string | number => typeof p !== "symbol")];
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((k) => ({ line: at([...path, k]), field: fieldOf([...path, k]), message: `unknown field '${k}'` }));
    }
    return [{ line: at(path), field: fieldOf(path), message: issue.message }];
  });
}

type Parsed = { ok: true; scenario: DrillScenario } | { ok: false; problems: ScenarioProblem[] };

export function parseScenario(yamlText: string): Parsed {
  if (new TextEncoder().encode(yamlText).length > MAX_SCENARIO_BYTES)
    return { ok: false, problems: [{ line: 1, field: "", message: "a scenario is at most 64 KB" }] };
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        line: counter.linePos(e.pos[0]).line,
        field: "",
        message: `not valid YAML (${e.code.toLowerCase().replaceAll("_", " ")})`,
      })),
    };
  }
  const at = (p: Path) => lineOf(doc, counter, p);
  const raw: unknown = doc.toJS({ maxAliasCount: 50 });
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    return {
      ok: false,
      problems: [{ line: 1, field: "", message: "a scenario is a mapping with key, name, summary, failing_service and steps" }],
    };
  const header = ZHeader.safeParse(raw);
  if (!header.success) return { ok: false, problems: issuesOf(header.error, [], at) };

  const problems: ScenarioProblem[] = [];
  const steps: DrillStep[] = [];
  let previous: { seconds: number; text: string } | null = null;
  header.data.steps.forEach((entry, i) => {
    const path = ["steps", i];
    const line = at(path);
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      problems.push({ line, field: fieldOf(path), message: "a step is a mapping: at, and one of alert, health, survey, stakeholder" });
      return;
    }
    const record = entry as Record<string, unknown>;
    const seconds = parseDuration(record.at);
    const atText = typeof record.at === "string" ? record.at.trim() : String(record.at ?? "");
    if (record.at === undefined) problems.push({ line, field: fieldOf([...path, "at"]), message: "at is required (e.g. 0m, 90s, 1h30m)" });
    else if (seconds === null)
      problems.push({
        line: at([...path, "at"]),
        field: fieldOf([...path, "at"]),
        message: `bad duration '${atText}': use s, m or h, e.g. 90s, 2m, 1h30m`,
      });
    else if (seconds > MAX_OFFSET_SECONDS)
      problems.push({ line: at([...path, "at"]), field: fieldOf([...path, "at"]), message: `${atText} is more than 24h after the start` });
    else if (previous && seconds < previous.seconds)
      problems.push({ line: at([...path, "at"]), field: fieldOf([...path, "at"]), message: `${atText} goes back before ${previous.text}` });
    const types = Object.keys(record).filter((k) => k !== "at");
    const unknown = types.filter((k) => !(STEP_TYPES as readonly string[]).includes(k));
    for (const k of unknown)
      problems.push({
        line: at([...path, k]),
        field: fieldOf([...path, k]),
        message: `unknown event type '${k}' (one of ${STEP_TYPES.join(", ")})`,
      });
    const known = types.filter((k): k is StepType => (STEP_TYPES as readonly string[]).includes(k));
    if (!unknown.length && known.length !== 1) {
      problems.push({
        line,
        field: fieldOf(path),
        message: known.length ? `one event per step, found ${known.join(" and ")}` : `no event: add one of ${STEP_TYPES.join(", ")}`,
      });
    }
    if (seconds !== null && seconds <= MAX_OFFSET_SECONDS && (!previous || seconds >= previous.seconds))
      previous = { seconds, text: atText };
    const type = known[0];
    if (!type || known.length !== 1 || seconds === null) return;
    const step = toStep(type, record[type], seconds, line, [...path, type], at, problems);
    if (step) steps.push(step);
  });
  if (problems.length) return { ok: false, problems };
  const { key, name, summary, severity_hint, failing_service, teams } = header.data;
  const durationSeconds = steps.at(-1)?.atSeconds ?? 0;
  const ref = (kind: ScenarioRef["kind"], name: string, path: Path): ScenarioRef => ({ kind, name, field: fieldOf(path), line: at(path) });
  const refs = [
    ref("service", failing_service, ["failing_service"]),
    ...teams.map((t, i) => ref("team", t, ["teams", i])),
    ...steps.flatMap((s, i) =>
      s.type === "alert"
        ? [ref("service", s.alert.service, ["steps", i, "alert", "service"])]
        : s.type === "health"
          ? [ref("service", s.health.service, ["steps", i, "health", "service"])]
          : [],
    ),
  ];
  return {
    ok: true,
    scenario: {
      key,
      name,
      summary,
      severityHint: severity_hint ?? null,
      failingService: failing_service,
      teams,
      steps,
      durationSeconds,
      refs,
    },
  };
}

function toStep(
  type: StepType,
  value: unknown,
  atSeconds: number,
  line: number,
  path: Path,
  at: (p: Path) => number,
  problems: ScenarioProblem[],
): DrillStep | null {
  const base = { atSeconds, line };
  const fail = (error: z.ZodError) => {
    problems.push(...issuesOf(error, path, at));
    return null;
  };
  switch (type) {
    case "alert": {
      const r = STEP_SCHEMAS.alert.safeParse(value);
      return r.success ? { ...base, type, alert: { ...r.data, key: r.data.key ?? r.data.title } } : fail(r.error);
    }
    case "health": {
      const r = STEP_SCHEMAS.health.safeParse(value);
      return r.success ? { ...base, type, health: r.data } : fail(r.error);
    }
    case "survey": {
      const r = STEP_SCHEMAS.survey.safeParse(value);
      return r.success ? { ...base, type, survey: r.data } : fail(r.error);
    }
    case "stakeholder": {
      const r = STEP_SCHEMAS.stakeholder.safeParse(value);
      return r.success ? { ...base, type, stakeholder: r.data } : fail(r.error);
    }
  }
}

/** "12m at ×1, 6m at ×2, 2m 24s at ×5": what the start page shows beside a scenario. */
export function durationAtSpeed(scenario: Pick<DrillScenario, "durationSeconds">, speed: number): string {
  return formatDuration(scenario.durationSeconds / speed);
}
