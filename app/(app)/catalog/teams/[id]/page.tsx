import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { TeamDetail } from "@/components/catalog/team-detail.tsx";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { can } from "@/lib/auth/permissions.ts";
import { getTeam } from "@/lib/catalog/get-team.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { listMembers } from "@/lib/users/list-members.ts";

type Params = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => {
  const actor = await getPageActor(`/catalog/teams/${id}`);
  try {
    const [team, people] = await Promise.all([getTeam(actor, id), listMembers(actor)]);
    return { actor, team, people };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { team } = await load((await params).id);
  return { title: `${team.name} · Teams` };
}

export default async function TeamPage({ params }: Params) {
  const { actor, team, people } = await load((await params).id);
  return <TeamDetail team={team} people={people} canEdit={can(actor.role, "catalog:edit")} />;
}
