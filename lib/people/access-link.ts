import { createHash } from "node:crypto";

export type AccessLinkPurpose = "invitation" | "password_reset";

// Tokens are 32 random bytes; only their SHA-256 is stored (like API tokens), so a database
// dump hands out no working links. A link is its page's URL with the token in the path.
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const linkPath = (purpose: AccessLinkPurpose, token: string) =>
  `${purpose === "invitation" ? "/invite" : "/reset-password"}/${token}`;

export type LinkState = "valid" | "expired" | "used" | "revoked" | "unknown";

export interface FoundLink {
  id: string;
  state: LinkState;
  userId: string;
  organizationId: string;
  email: string;
  name: string;
}
