import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { isPasswordAttempt, limitPasswordAttempt } from "@/lib/auth/login-rate-limit.ts";
import { authOptions } from "@/lib/auth/options.ts";
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
  let request = req;
  if (req.method === "POST") {
    try {
      const body = await readText(req, MAX_AUTH_BODY_BYTES, "64 KB");
      // The body is now whole and in memory: its framing headers no longer describe it.
      const headers = new Headers(req.headers);
      headers.delete("transfer-encoding");
      headers.delete("content-length");
      request = new NextRequest(req.url, { method: req.method, headers, body });
    } catch (error) {
      const reply = errorReply(error, { requestId: crypto.randomUUID(), method: req.method, path: req.nextUrl.pathname });
      return Response.json(reply.body, { status: reply.status, headers: reply.headers });
    }
  }
  return NextAuth(authOptions())(request, ctx);
}

export { handler as GET, handler as POST };
