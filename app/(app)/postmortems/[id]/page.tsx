import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PostmortemWorkspace } from "@/components/postmortems/postmortem-workspace.tsx";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { can } from "@/lib/auth/permissions.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { getPostmortem } from "@/lib/postmortems/get-postmortem.ts";
import { canPublishPostmortem } from "@/lib/postmortems/publish-postmortem.ts";
import { listMembers } from "@/lib/users/list-members.ts";

type Params = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => {
  const actor = await getPageActor(`/postmortems/${id}`);
  try {
    const [postmortem, members] = await Promise.all([getPostmortem(actor, id), listMembers(actor)]);
    return { actor, postmortem, members };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { postmortem } = await load((await params).id);
  return { title: `Post-mortem · ${postmortem.title}` };
}

export default async function PostmortemPage({ params }: Params) {
  const { actor, postmortem, members } = await load((await params).id);
  return (
    <PostmortemWorkspace
      initial={postmortem}
      viewer={{ userId: actor.userId }}
      canWrite={can(actor.role, "postmortem:write")}
      canPublish={canPublishPostmortem(actor, { commanderId: postmortem.incident.commanderId })}
      reviewers={members.filter((m) => can(m.role, "postmortem:write"))}
    />
  );
}
