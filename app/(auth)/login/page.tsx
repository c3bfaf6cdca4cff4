import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ssoErrorMessage } from "@/lib/auth/sso-messages.ts";
import { needsSetup } from "@/lib/people/needs-setup.ts";
import { safeCallbackPath } from "@/lib/auth/safe-callback-url.ts";
import { LoginForm } from "./_components/login-form.tsx";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  // A fresh install has nobody to sign in as: first-run setup comes first.
  if (await needsSetup()) redirect("/setup");
  const params = await searchParams;
  const ssoName = process.env.OIDC_ISSUER ? (process.env.OIDC_NAME ?? "Single sign-on") : null;
  // Only same-origin paths: an open redirect after login would be a phishing aid.
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm space-y-6">
        <div className="space-y-1 text-center">
          <p className="text-2xl font-bold tracking-tight">
            <span aria-hidden className="text-sev1">
              ●
            </span>{" "}
            Warroom
          </p>
          <h1 className="text-sm text-ink-muted">Sign in to join the incident room</h1>
        </div>
        <LoginForm
          callbackUrl={callbackUrl}
          ssoName={ssoName}
          initialError={params.error ? (ssoErrorMessage(params.error) ?? "Sign-in failed. Check your details and try again.") : undefined}
        />
      </div>
    </main>
  );
}
