// Client-safe and pure: the headers every response carries, and the per-request page policy.

/** Sent on every response (pages, API, assets) through next.config.ts. */
export const SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Old browsers; modern ones follow the CSP's frame-ancestors below.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/**
 * The page policy. Scripts run only with this request's nonce (Next.js stamps it on its own
 * scripts) and what they load ('strict-dynamic'), so an injected <script> or on*= handler in
 * user text never runs. Styles allow inline attributes: React and the map set style="…".
 * Development adds 'unsafe-eval' for React's debugging tools only.
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // Socket.io (same origin, ws/wss) and the API.
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
