// Client-safe: the built-in blameless templates and how a severity picks one.
import type { SeverityName } from "../vocabulary/incidents.ts";

export interface TemplateSection {
  key: string;
  title: string;
  /** Markdown shown beside the section while writing; never part of the document. */
  guidance: string;
}

export interface PostmortemTemplateDto {
  /** "builtin:full", "builtin:short" or a custom template's id. */
  key: string;
  name: string;
  description: string;
  isBuiltin: boolean;
  sections: TemplateSection[];
}

const RESPONSE_GUIDANCE =
  "Describe the response, not the responders. Under each heading, name conditions and systems: what helped, what got in the way, what could have gone worse.";

const FULL: TemplateSection[] = [
  {
    key: "summary",
    title: "Summary",
    guidance: "Two or three sentences a director can read: what broke, for whom, for how long, and how it was fixed.",
  },
  {
    key: "impact",
    title: "Customer and business impact",
    guidance:
      "Customers, orders and revenue affected, which journeys, and for how long. Numbers from the record are pre-filled; correct them if the record was wrong.",
  },
  {
    key: "timeline",
    title: "Timeline",
    guidance: "Key moments in order, with times. The pinned entries from the room are pre-filled; the full record is in the appendix.",
  },
  {
    key: "contributing_factors",
    title: "Contributing factors",
    guidance:
      "The conditions that together made this possible: systems, processes, missing signals. Ask *how* and *what*, never *who*. There is rarely one root cause.",
  },
  {
    key: "detection",
    title: "Detection",
    guidance: "How and when we found out, and how we could find out sooner (alerts, dashboards, customer reports).",
  },
  { key: "response", title: "Response", guidance: RESPONSE_GUIDANCE },
  {
    key: "action_items",
    title: "Action items",
    guidance:
      "Follow-ups that make a repeat less likely or less harmful, each with an owner and a due date. Track them in the action items panel.",
  },
  { key: "lessons", title: "Lessons", guidance: "What the organisation learnt that is worth telling other teams." },
  {
    key: "appendix",
    title: "Appendix: full timeline",
    guidance: "The incident record as it stood when this was drafted. Edit only to remove sensitive details.",
  },
];

const SHORT_KEYS = new Set(["summary", "impact", "timeline", "contributing_factors", "response", "action_items", "appendix"]);

export const BUILTIN_TEMPLATES: readonly PostmortemTemplateDto[] = [
  {
    key: "builtin:full",
    name: "Full blameless review",
    description: "Every section, for SEV1 and SEV2 incidents.",
    isBuiltin: true,
    sections: FULL,
  },
  {
    key: "builtin:short",
    name: "Short review",
    description: "The essentials, for SEV3 and SEV4 incidents.",
    isBuiltin: true,
    sections: FULL.filter((s) => SHORT_KEYS.has(s.key)),
  },
];

export const DEFAULT_TEMPLATE_BY_SEVERITY: Record<SeverityName, string> = {
  SEV1: "builtin:full",
  SEV2: "builtin:full",
  SEV3: "builtin:short",
  SEV4: "builtin:short",
};

export function findBuiltinTemplate(key: string): PostmortemTemplateDto | undefined {
  return BUILTIN_TEMPLATES.find((t) => t.key === key);
}

/** The organisation's choice for a severity, or the built-in default. */
export function templateKeyFor(severity: SeverityName, defaults: Partial<Record<string, string>>): string {
  return defaults[severity] ?? DEFAULT_TEMPLATE_BY_SEVERITY[severity];
}
