import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options.ts";

// Built per request so the secret and providers come from the environment server.ts prepared.
function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(authOptions())(req, ctx);
}

export { handler as GET, handler as POST };
