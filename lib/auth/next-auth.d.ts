import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user?: { id?: string; name?: string | null; email?: string | null; image?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The user's sessionVersion when this session began (lib/auth/actor.ts compares it). */
    sv?: number;
  }
}
