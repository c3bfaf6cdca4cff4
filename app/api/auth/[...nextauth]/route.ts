import NextAuth from "next-auth";
import { isPasswordAttempt, limitPasswordAttempt } from "@/lib/auth/login-rate-limit.ts";
import { authOptions } from "@/lib/auth/options.ts";

// Built per request so the secret and providers come from the environment server.ts prepared.
async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  if (isPasswordAttempt(req)) {
    const refused = await limitPasswordAttempt(req);
    if (refused) return refused;
  }
  return NextAuth(authOptions())(req, ctx);
}

export { handler as GET, handler as POST };
