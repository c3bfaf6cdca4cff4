import type { RoleName } from "../auth/permissions.ts";

export interface MemberDto {
  id: string;
  name: string;
  email: string;
  role: RoleName;
  /** "invited": named on teams and pickers already, but has not accepted the invitation yet. */
  status: "active" | "invited" | "deactivated";
}

export const memberSelect = { id: true, name: true, email: true, role: true, pendingInvite: true, deactivatedAt: true } as const;

type MemberRow = Omit<MemberDto, "status"> & { pendingInvite: boolean; deactivatedAt: Date | null };

export function toMemberDto({ pendingInvite, deactivatedAt, ...m }: MemberRow): MemberDto {
  return { ...m, status: deactivatedAt ? "deactivated" : pendingInvite ? "invited" : "active" };
}
