import type { Prisma } from "../db/generated/client.ts";
import { db } from "../db/client.ts";
import { type AccessLinkPurpose, type FoundLink, hashToken, type LinkState } from "./access-link.ts";

type Tx = Prisma.TransactionClient;

/** What a link is now, for the page that opens it (no lock; the write path checks again). */
export async function findLink(
  token: string,
  purpose: AccessLinkPurpose,
  client: Tx | ReturnType<typeof db> = db(),
): Promise<FoundLink | null> {
  const row = await client.accessLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      purpose: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      userId: true,
      organizationId: true,
      user: { select: { email: true, name: true, deactivatedAt: true } },
    },
  });
  if (!row || row.purpose !== purpose) return null;
  const state: LinkState = row.usedAt
    ? "used"
    : row.revokedAt || row.user.deactivatedAt
      ? "revoked"
      : row.expiresAt <= new Date()
        ? "expired"
        : "valid";
  return { id: row.id, state, userId: row.userId, organizationId: row.organizationId, email: row.user.email, name: row.user.name };
}
