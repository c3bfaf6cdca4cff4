import { randomBytes } from "node:crypto";
import { publicUrl } from "../env.ts";
import type { Prisma } from "../db/generated/client.ts";
import { type AccessLinkPurpose, hashToken, linkPath } from "./access-link.ts";

type Tx = Prisma.TransactionClient;

export const INVITATION_DAYS = 7;
export const RESET_HOURS = 24;

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
  await tx.accessLink.updateMany({
    where: { userId: link.userId, purpose: link.purpose, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  const token = randomBytes(32).toString("base64url");
  const ttlMs = link.purpose === "invitation" ? INVITATION_DAYS * 86_400_000 : RESET_HOURS * 3_600_000;
  const expiresAt = new Date(now.getTime() + ttlMs);
  await tx.accessLink.create({ data: { ...link, tokenHash: hashToken(token), expiresAt } });
  return { url: `${publicUrl()}${linkPath(link.purpose, token)}`, expiresAt: expiresAt.toISOString() };
}
