// Template guidance is written with light Markdown emphasis ("Ask *how* and *what*"): show the
// emphasis, never the asterisks. Only *x* and _x_ are honoured; everything else is plain text.
const EMPHASIS = /\*([^*\n]+)\*|_([^_\n]+)_/g;

export function GuidanceText({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(EMPHASIS)) {
    const at = m.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    parts.push(<em key={at}>{m[1] ?? m[2]}</em>);
    last = at + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}

/** The guidance as plain words, for a title attribute. */
export function guidancePlain(text: string): string {
  return text.replace(EMPHASIS, (_, a: string | undefined, b: string | undefined) => a ?? b ?? "");
}
