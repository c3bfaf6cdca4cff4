// Who may come in through single sign-on. An existing (active) user may always sign in; a new
// person is created only when their email's domain is listed in OIDC_ALLOWED_DOMAINS, so an SSO
// provider shared with other companies (Google, Microsoft) does not let strangers in.

/** OIDC_ALLOWED_DOMAINS as a list of lower-case domains; empty when unset. */
export function allowedSsoDomains(source: Record<string, string | undefined> = process.env): string[] {
  return (source.OIDC_ALLOWED_DOMAINS ?? "")
    .split(",")
    .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);
}

export function isAllowedSsoEmail(email: string, domains: readonly string[]): boolean {
  const domain = email.toLowerCase().split("@").pop() ?? "";
  return domains.includes(domain);
}
