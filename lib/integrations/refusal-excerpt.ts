export const EXCERPT_CHARS = 500;

// Field names whose values are credentials, in JSON or form bodies: never stored.
const SECRET_FIELD =
  /("?(?:secret|token|password|passwd|authorization|api[_-]?key|app[_-]?key|signature)"?\s*[:=]\s*)("[^"]*"|[^,&}\s]+)/gi;

/** What a refused request leaves behind: no headers, secrets blanked, the start of the body only. */
export function refusalExcerpt(body: string): string {
  return body.slice(0, EXCERPT_CHARS * 4).replace(SECRET_FIELD, '$1"[redacted]"');
}
