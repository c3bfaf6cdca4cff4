import { createHash, randomBytes } from "node:crypto";
import { publicUrl } from "../env.ts";
import type { Prisma } from "../db/generated/client.ts";
import { db } from "../db/client.ts";

type Tx = Prisma.TransactionClient;
export type AccessLinkPurpose = "invitation" | "password_reset";

export const INVITATION_DAYS = 7;
export const RESET_HOURS = 24;

// Tokens are 32 random bytes; only their SHA-256 is stored (like API tokens), so a database
// dump hands out no working links. A link is its page's URL with the token in the path.
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const linkPath = (purpose: AccessLinkPurpose, token: string) => `${purpose === "invitation" ? "/invite" : "/reset-password"}/${token}`;

export interface IssuedLink {
  url: string;
  expiresAt: string;
}

/** A new link for the person; earlier live links of the same purpose stop working. */
export async function issueLink(
  tx: Tx,
  link: { organizationId: string; userId: string; purpose: AccessLinkPurpose; createdById: string | null },
): Promise<IssuedLink> {
  const now = new Date();
  await tx.accessLink.updateMany({ where: { userId: link.userId, purpose: link.purpose, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  const token = randomBytes(32).toString("base64url");
  const ttlMs = link.purpose === "invitation" ? INVITATION_DAYS * 86_400_000 : RESET_HOURS * 3_600_000;
  const expiresAt = new Date(now.getTime() + ttlMs);
  await tx.accessLink.create({ data: { ...link, tokenHash: hashToken(token), expiresAt } });
  return { url: `${publicUrl()}${linkPath(link.purpose, token)}`, expiresAt: expiresAt.toISOString() };
}

export type LinkState = "valid" | "expired" | "used" | "revoked" | "unknown";

export interface FoundLink {
  id: string;
  state: LinkState;
  userId: string;
  organizationId: string;
  email: string;
  name: string;
}

/** What a link is now, for the page that opens it (no lock; the write path checks again). */
export async function findLink(token: string, purpose: AccessLinkPurpose, client: Tx | ReturnType<typeof db> = db()): Promise<FoundLink | null> {
  const row = await client.accessLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, purpose: true, expiresAt: true, usedAt: true, revokedAt: true, userId: true, organizationId: true, user: { select: { email: true, name: true, deactivatedAt: true } } },
  });
  if (!row || row.purpose !== purpose) return null;
  const state: LinkState = row.usedAt ? "used" : row.revokedAt || row.user.deactivatedAt ? "revoked" : row.expiresAt <= new Date() ? "expired" : "valid";
  return { id: row.id, state, userId: row.userId, organizationId: row.organizationId, email: row.user.email, name: row.user.name };
}

/** Claims a live link inside the writing transaction: exactly one caller gets it. */
export async function claimLink(tx: Tx, token: string, purpose: AccessLinkPurpose): Promise<FoundLink | null> {
  const claimed = await tx.accessLink.updateMany({
    where: { tokenHash: hashToken(token), purpose, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() }, user: { deactivatedAt: null } },
    data: { usedAt: new Date() },
  });
  if (claimed.count !== 1) return null;
  return findLink(token, purpose, tx);
}
