// Pure: a low-cardinality label for a request path, so ids do not make one series per incident.
const ID_SEGMENT = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+|INC-\d+)$/i;

export function routeLabel(url: string | undefined): string {
  const pathname = (url ?? "/").split("?")[0] ?? "/";
  if (pathname.startsWith("/_next/")) return "/_next/*";
  if (pathname.startsWith("/socket.io")) return "/socket.io";
  const segments = pathname.split("/").map((s) => (ID_SEGMENT.test(s) ? ":id" : s));
  // Anything deeper than five segments is folded: no legitimate route is, scanners are.
  return segments.length > 6 ? `${segments.slice(0, 6).join("/")}/*` : segments.join("/") || "/";
}
