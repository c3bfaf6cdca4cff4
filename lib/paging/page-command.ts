// Pure and client-safe: the composer's `/page <team>: why` (the reason is optional).
export interface PageCommand {
  team: string;
  reason: string;
}

const PAGE = /^\/page\b[ \t]*/i;

/** null when the text is not a page command; `team` "" when it names nobody yet. */
export function parsePageCommand(text: string): PageCommand | null {
  const match = PAGE.exec(text);
  if (!match) return null;
  const rest = text.slice(match[0].length);
  const colon = rest.indexOf(":");
  const team = (colon >= 0 ? rest.slice(0, colon) : rest).trim();
  const reason = colon >= 0 ? rest.slice(colon + 1).trim() : "";
  return { team, reason };
}
