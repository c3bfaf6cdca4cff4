import type { RoleName } from "../auth/permissions.ts";

export type PersonStatus = "active" | "invited" | "deactivated";

export interface PersonDto {
  id: string;
  name: string;
  email: string;
  role: RoleName;
  status: PersonStatus;
  lastSignInAt: string | null;
  createdAt: string;
  /** For an invited person: their latest invitation link's expiry and whether it still works. */
  invitation: { expiresAt: string; state: "valid" | "expired" | "revoked" } | null;
}

export const personSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  pendingInvite: true,
  deactivatedAt: true,
  lastSignInAt: true,
  createdAt: true,
  accessLinks: {
    where: { purpose: "invitation", usedAt: null },
    orderBy: { createdAt: "desc" },
    take: 1,
    select: { expiresAt: true, revokedAt: true },
  },
} as const;

interface PersonRow {
  id: string;
  name: string;
  email: string;
  role: RoleName;
  pendingInvite: boolean;
  deactivatedAt: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date;
  accessLinks: { expiresAt: Date; revokedAt: Date | null }[];
}

export function statusOf(row: { pendingInvite: boolean; deactivatedAt: Date | null }): PersonStatus {
  return row.deactivatedAt ? "deactivated" : row.pendingInvite ? "invited" : "active";
}

export function toPersonDto(row: PersonRow, now = new Date()): PersonDto {
  const status = statusOf(row);
  const link = row.accessLinks[0];
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    status,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    invitation:
      status === "invited" && link
        ? { expiresAt: link.expiresAt.toISOString(), state: link.revokedAt ? "revoked" : link.expiresAt <= now ? "expired" : "valid" }
        : null,
  };
}
