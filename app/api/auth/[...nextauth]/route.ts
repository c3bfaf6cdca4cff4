import NextAuth from "next-auth";
import { cookies } from "next/headers";
import { NextRequest } from "next/server";
import { isPasswordAttempt, limitPasswordAttempt } from "@/lib/auth/login-rate-limit.ts";
import { withUsableCallbackUrls } from "@/lib/auth/safe-callback-url.ts";
import { authOptions } from "@/lib/server/auth-options.ts";
import { errorReply } from "@/lib/http/api-core.ts";
import { readText } from "@/lib/http/api-handler.ts";

// Sign-in forms are a few hundred bytes; anything far larger is refused while streaming.
const MAX_AUTH_BODY_BYTES = 64 * 1024;

// Built per request so the secret and providers come from the environment server.ts prepared.
async function handler(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) {
  const { nextauth } = await ctx.params;
  if (isPasswordAttempt(req.method, nextauth)) {
    const refused = await limitPasswordAttempt(req);
    if (refused) return refused;
  }
  let body: string | undefined;
  if (req.method === "POST") {
    try {
      body = await readText(req, MAX_AUTH_BODY_BYTES, "64 KB");
    } catch (error) {
      const reply = errorReply(error, { requestId: crypto.randomUUID(), method: req.method, path: req.nextUrl.pathname });
      return Response.json(reply.body, { status: reply.status, headers: reply.headers });
    }
  }
  // A callbackUrl next-auth cannot parse (query or cookie) would be a 500 on every auth route.
  // next-auth reads cookies through next/headers: the replacement is set there, which also
  // replaces the bad cookie in the browser.
  const usable = withUsableCallbackUrls(new URL(req.url), req.headers.get("cookie"));
  const jar = await cookies();
  for (const name of usable.replacedCookies)
    jar.set(name, "/triage", { path: "/", httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  if (body === undefined && !usable.isChanged) return NextAuth(authOptions())(req, ctx);
  const headers = new Headers(req.headers);
  // The body is now whole and in memory: its framing headers no longer describe it.
  headers.delete("transfer-encoding");
  headers.delete("content-length");
  const request = new NextRequest(usable.url, { method: req.method, headers, body });
  return NextAuth(authOptions())(request, ctx);
}

export { handler as GET, handler as POST };
