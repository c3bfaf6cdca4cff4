import type { Metadata } from "next";
import { LinkPage } from "@/components/people/link-page.tsx";

export const metadata: Metadata = { title: "Reset password", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  return <LinkPage purpose="password_reset" token={(await params).token} />;
}
