import type { Prisma } from "../db/generated/client.ts";
import { type AccessLinkPurpose, type FoundLink, hashToken } from "./access-link.ts";
import { findLink } from "./find-link.ts";

type Tx = Prisma.TransactionClient;

/** Claims a live link inside the writing transaction: exactly one caller gets it. */
export async function claimLink(tx: Tx, token: string, purpose: AccessLinkPurpose): Promise<FoundLink | null> {
  const claimed = await tx.accessLink.updateMany({
    where: {
      tokenHash: hashToken(token),
      purpose,
      usedAt: null,
      revokedAt: null,
      expiresAt: { gt: new Date() },
      user: { deactivatedAt: null },
    },
    data: { usedAt: new Date() },
  });
  if (claimed.count !== 1) return null;
  return findLink(token, purpose, tx);
}
