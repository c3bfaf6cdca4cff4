import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "./lib/http/security-headers.ts";

// Runs before every page (not the API, assets or Socket.io):
// 1. a fresh CSP nonce per request; Next.js reads it from the request's CSP header and stamps it
//    on the scripts it renders, so pages are rendered per request (they are anyway: live data);
// 2. convenience only: signed-out visitors go to the login page with a way back to the link they
//    followed (a room link from chat, say). Pages and the API still verify the session themselves.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
// Pages anyone may open without signing in.
const PUBLIC_PAGES = ["/login", "/status", "/setup", "/invite", "/reset-password"];

function isPublic(pathname: string): boolean {
  return PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

export function proxy(req: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => req.cookies.has(name) || req.cookies.has(`${name}.0`));
  if (!hasSession && !isPublic(req.nextUrl.pathname)) {
    const login = new URL("/login", req.url);
    login.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
    return NextResponse.redirect(login);
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", policy);
  return res;
}

export const config = {
  // Every page request, prefetches included: a prefetch can return the full page, and it must
  // carry the same policy (skipping them served /triage without a CSP).
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico|socket.io).*)"],
};
