// Pure and client-safe: flags wording that names or blames people and suggests blameless
// wording. It warns while someone writes; it never blocks a save.

export interface BlameMatch {
  /** Offsets into the checked text: text.slice(start, end) is the phrase. */
  start: number;
  end: number;
  phrase: string;
  rule: string;
  why: string;
  suggestion: string;
}

interface Rule {
  id: string;
  pattern: RegExp;
  why: string;
  suggestion: string;
}

// A person's name as people write it: a capitalised word (optionally two), or "he/she/they".
const PERSON = String.raw`(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|he|she|they|him|her|them|someone|somebody)`;
// Pronouns alone: vendors and systems "fail to respond", only people "fail to check".
const PRONOUN = String.raw`(?:[Hh]e|[Ss]he|[Tt]hey|[Ss]omeone|[Ss]omebody|I|[Ww]e|[Yy]ou)`;

const RULES: Rule[] = [
  {
    id: "fault-of-person",
    // "Sam's fault", "the fault of Sam", "his fault": a person owning the fault. "the fault was in
    // the retry policy" names a system and stays unflagged.
    pattern: new RegExp(
      String.raw`\b(?:${PERSON}'s|[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Yy]our) fault\b|\bfault of ${PERSON}\b|\b(?:blame[sd]?|blaming) ${PERSON}\b|\b${PERSON} (?:is|was|are|were) to blame\b`,
      "g",
    ),
    why: "Assigns fault to a person.",
    suggestion: "Describe the condition that allowed it, e.g. “the deploy pipeline let an untested config through”.",
  },
  {
    id: "human-error",
    pattern: /\b(?:human|operator|user|engineer|developer) error\b/gi,
    why: "“Human error” ends the inquiry where it should start.",
    suggestion: "Say what made the mistake easy to make, e.g. “the runbook listed the wrong host”.",
  },
  {
    id: "should-have",
    pattern: /\bshould(?:n't| not)? have (?:known|noticed|checked|caught|seen|realised|realized|tested|asked|been more careful)\b/gi,
    why: "Hindsight: judges a decision by what we know now.",
    suggestion: "Describe what the person knew at the time and what signal was missing, e.g. “the dashboard did not show queue depth”.",
  },
  {
    id: "careless",
    pattern: /\b(?:careless(?:ly|ness)?|negligen(?:t|ce)|sloppy|incompeten(?:t|ce)|lazy|reckless(?:ly)?)\b/gi,
    why: "Judges a person instead of the system.",
    suggestion: "Describe the action and its context neutrally, e.g. “the change was deployed without a canary”.",
  },
  {
    id: "failed-to",
    pattern: new RegExp(
      String.raw`\b${PERSON} (?:forgot to|neglected to|didn't bother to|did not bother to)\b|\b${PRONOUN} failed to\b`,
      "g",
    ),
    why: "Frames an outcome as a personal failure.",
    suggestion: "Name the step that was missing from the process, e.g. “the checklist had no step to …”.",
  },
  {
    id: "caused-by-person",
    pattern: new RegExp(String.raw`\b(?:caused|broken|broke) by (?!the\b|a\b|an\b)${PERSON}\b`, "g"),
    why: "Attributes the cause to a person.",
    suggestion: "Attribute it to the change or the condition, e.g. “caused by a config change that disabled retries”.",
  },
];

// Capitalised words that start sentences or name systems, not people.
const NOT_PEOPLE = new Set([
  "The",
  "This",
  "That",
  "It",
  "We",
  "Our",
  "A",
  "An",
  "If",
  "When",
  "Then",
  "Nobody",
  "No",
  "Everyone",
  "Team",
  "Teams",
  "Monitoring",
  "Deploy",
  "Deployment",
  "Release",
  "Config",
  "Configuration",
  "System",
  "Service",
  "Alert",
  "Alerts",
  "Checkout",
  "Payment",
  "Payments",
  "Inventory",
  "Search",
  "Cart",
  "Gateway",
  "Api",
  "API",
  "Oms",
  "OMS",
  "Wms",
  "WMS",
  "Erp",
  "ERP",
]);

function firstWord(phrase: string, rule: string): string | null {
  if (rule === "fault-of-person") {
    const m =
      /^([A-Z][a-z]+)'s\b/.exec(phrase) ??
      /\bof ([A-Z][a-z]+)\b/.exec(phrase) ??
      /^(?:blame[sd]?|blaming) ([A-Z][a-z]+)/i.exec(phrase) ??
      /^([A-Z][a-z]+) (?:is|was|are|were)/.exec(phrase);
    return m?.[1] ?? null;
  }
  if (rule === "failed-to") return /^([A-Z][a-z]+)/.exec(phrase)?.[1] ?? null;
  if (rule === "caused-by-person") return /by ([A-Z][a-z]+)/.exec(phrase)?.[1] ?? null;
  return null;
}

/** Every blaming phrase in `text`, in order of appearance; empty for blameless text. */
export function checkBlame(text: string): BlameMatch[] {
  const matches: BlameMatch[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (const m of text.matchAll(rule.pattern)) {
      const phrase = m[0];
      const name = firstWord(phrase, rule.id);
      if (name && NOT_PEOPLE.has(name)) continue;
      const start = m.index;
      matches.push({ start, end: start + phrase.length, phrase, rule: rule.id, why: rule.why, suggestion: rule.suggestion });
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}
