// Pure: a published post-mortem as one Markdown file, for wikis, email and archives.
import { ACTION_ITEM_PRIORITY_LABELS, ACTION_ITEM_STATUS_LABELS } from "../action-items/constants.ts";
import type { ActionItemDto } from "../action-items/action-item-dto.ts";

export interface RevisionSection {
  key: string;
  title: string;
  body: string;
}

export interface MarkdownExportInput {
  title: string;
  revision: number;
  publishedAt: Date;
  publishedBy: string | null;
  incident: { ref: string; title: string; severity: string; startedAt: Date; resolvedAt: Date | null };
  sections: RevisionSection[];
  actionItems: Pick<ActionItemDto, "title" | "owner" | "dueDate" | "priority" | "status" | "ticketUrl">[];
}

/** Revision sections are stored as JSON: keep only well-formed entries, never trust the shape. */
export function readRevisionSections(value: unknown): RevisionSection[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((s: unknown) => {
    const o = (s ?? {}) as Record<string, unknown>;
    return typeof o.title === "string" && typeof o.body === "string"
      ? [{ key: typeof o.key === "string" ? o.key : "", title: o.title, body: o.body }]
      : [];
  });
}

// A table cell holds one line; a pipe would end the cell early.
const cell = (text: string) => text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|").trim() || "—";
const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export function renderPostmortemMarkdown(input: MarkdownExportInput): string {
  const { incident } = input;
  const lines = [
    `# ${input.title.replace(/\r?\n/g, " ")}`,
    "",
    `- **Incident:** ${incident.ref} — ${incident.title.replace(/\r?\n/g, " ")}`,
    `- **Severity:** ${incident.severity}`,
    `- **Started:** ${utc(incident.startedAt)}`,
    `- **Resolved:** ${incident.resolvedAt ? utc(incident.resolvedAt) : "not resolved"}`,
    `- **Published:** ${utc(input.publishedAt)}${input.publishedBy ? ` by ${input.publishedBy}` : ""} (revision ${input.revision})`,
    "",
  ];
  for (const s of input.sections) {
    lines.push(`## ${s.title.replace(/\r?\n/g, " ")}`, "", s.body.trim() || "_Nothing written._", "");
  }
  lines.push("## Action items", "");
  if (input.actionItems.length === 0) {
    lines.push("_No action items._", "");
  } else {
    lines.push("| Action | Owner | Due | Priority | Status | Ticket |", "|---|---|---|---|---|---|");
    for (const a of input.actionItems) {
      const owner = a.owner ? `${a.owner.name}${a.owner.kind === "team" ? " (team)" : ""}` : "";
      const ticket = a.ticketUrl ? `<${a.ticketUrl}>` : "";
      lines.push(
        `| ${cell(a.title)} | ${cell(owner)} | ${cell(a.dueDate ?? "")} | ${ACTION_ITEM_PRIORITY_LABELS[a.priority]} | ${ACTION_ITEM_STATUS_LABELS[a.status]} | ${cell(ticket)} |`,
      );
    }
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
