import type { NextAuthOptions, User as AuthUser } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";
import { db } from "../db/client.ts";
import { CLIENT_IP_HEADER } from "../security/client-ip.ts";
import { isThrottled } from "../auth/is-throttled.ts";
import { recordFailedLogin } from "../auth/record-failed-login.ts";
import { recordSuccessfulLogin } from "../auth/record-successful-login.ts";
import { verifyPassword } from "../auth/password.ts";
import { claimsOf, decodeSession } from "../auth/session-token.ts";
import { endSessions } from "../people/end-sessions.ts";
import { recordSignIn } from "../people/record-sign-in.ts";
import { ssoRefusal } from "../auth/sso-refusal.ts";
import { userIdForSso } from "../auth/user-id-for-sso.ts";
import { safeRedirectUrl } from "../auth/safe-callback-url.ts";

const ZCredentials = z.object({ email: z.email().max(320), password: z.string().min(1).max(1024) });

// A fixed hash to compare against when the email is unknown, so response time does not reveal
// which accounts exist.
const DECOY_HASH = "scrypt$32768$8$1$q0l7wtbBfOPLh1o1sWjEKg$D1DcxL6gb4Q9Vjv3Y0YqGkTqzjJgpEhKQb7OgbHmmSo";

/**
 * Exported for tests; next-auth calls it through the credentials provider with the request, whose
 * client address (set by server.ts) scopes the throttle. Unknown, throttled and wrong all answer
 * null (next-auth's CredentialsSignin), equally slowly: nothing tells them apart.
 */
export async function authorizeCredentials(raw: unknown, req?: { headers?: Record<string, unknown> }): Promise<AuthUser | null> {
  const parsed = ZCredentials.safeParse(raw);
  if (!parsed.success) return null;
  const email = parsed.data.email.toLowerCase();
  const header = req?.headers?.[CLIENT_IP_HEADER];
  const address = typeof header === "string" && header ? header : "unknown";
  const user = await db().user.findUnique({ where: { email } });
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? DECOY_HASH);
  // Checked after hashing, so a throttled pair answers as slowly as any other.
  if (await isThrottled(email, address)) return null;
  if (!ok || !user || !user.passwordHash) {
    await recordFailedLogin(email, address, user ? { id: user.id, organizationId: user.organizationId } : null);
    return null;
  }
  // A deactivated person, or one who has not accepted an invitation, has no password sign-in.
  if (user.deactivatedAt || user.pendingInvite) return null;
  await recordSuccessfulLogin(email, address);
  return { id: user.id, email: user.email, name: user.name };
}

interface OidcProfile {
  sub: string;
  email?: string;
  name?: string;
  preferred_username?: string;
}

function oidcProvider(): OAuthConfig<OidcProfile> | null {
  const issuer = process.env.OIDC_ISSUER;
  const clientId = process.env.OIDC_CLIENT_ID;
  const clientSecret = process.env.OIDC_CLIENT_SECRET;
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    id: "oidc",
    name: process.env.OIDC_NAME ?? "Single sign-on",
    type: "oauth",
    wellKnown: `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    clientId,
    clientSecret,
    profile: (profile) => ({
      id: profile.sub,
      email: profile.email ?? null,
      name: profile.name ?? profile.preferred_username ?? profile.email ?? "SSO user",
    }),
  };
}

export function authOptions(): NextAuthOptions {
  const sso = oidcProvider();
  return {
    secret: process.env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
    // next-auth's own routes (/api/auth/session) read the cookie with the same decode as the API
    // and socket handshakes: key derived once, a token decrypted once (lib/auth/session-token.ts).
    jwt: { decode: decodeSession },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: authorizeCredentials,
      }),
      ...(sso ? [sso] : []),
    ],
    events: {
      async signOut({ token }) {
        const claims = claimsOf(token);
        if (claims) await endSessions(claims.userId, claims.version);
      },
    },
    callbacks: {
      // Same origin only, and never a throw: a malformed callbackUrl (query, body or the
      // next-auth.callback-url cookie) made next-auth answer 500.
      redirect: ({ url, baseUrl }) => Promise.resolve(safeRedirectUrl(url, baseUrl)),
      async signIn({ user, account }) {
        if (account?.provider !== "oidc") return true;
        if (!user.email) return false;
        const refusal = await ssoRefusal(user.email);
        return refusal ? `/login?error=${refusal}` : true;
      },
      async jwt({ token, user, account }) {
        if (user && account?.provider === "oidc" && user.email) {
          token.sub = await userIdForSso(user.email.toLowerCase(), user.name ?? user.email);
        } else if (user) {
          token.sub = user.id;
        }
        // A new session carries the user's session version; bumping it ends the session.
        if (user && token.sub) token.sv = await recordSignIn(token.sub);
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
}
