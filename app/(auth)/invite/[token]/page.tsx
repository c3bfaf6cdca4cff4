import type { Metadata } from "next";
import { LinkPage } from "@/components/people/link-page.tsx";

export const metadata: Metadata = { title: "Accept invitation", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  return <LinkPage purpose="invitation" token={(await params).token} />;
}
