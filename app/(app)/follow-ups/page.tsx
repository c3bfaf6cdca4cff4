import type { Metadata } from "next";
import { FollowUpsView } from "@/components/follow-ups/follow-ups-view.tsx";
import { listActionItems } from "@/lib/action-items/list-action-items.ts";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { can } from "@/lib/auth/permissions.ts";
import { listTeams } from "@/lib/catalog/list-teams.ts";
import { listMembers } from "@/lib/users/list-members.ts";

export const metadata: Metadata = { title: "Follow-ups" };

export default async function FollowUpsPage() {
  const actor = await getPageActor("/follow-ups");
  const [list, users, teams] = await Promise.all([listActionItems(actor, {}), listMembers(actor), listTeams(actor)]);
  const owners = { users: users.map(({ id, name }) => ({ id, name })), teams: teams.map(({ id, name }) => ({ id, name })) };
  return <FollowUpsView initial={list} owners={owners} canEdit={can(actor.role, "action-item:edit")} />;
}
