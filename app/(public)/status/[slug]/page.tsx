import { StatusPage } from "@/components/status/status-page.tsx";
import { loadStatusPage, statusMetadata, statusViewport } from "../load-status-page.ts";

type Params = { params: Promise<{ slug: string }> };

export const viewport = statusViewport;
export const generateMetadata = async ({ params }: Params) => statusMetadata((await params).slug);

export default async function OrganisationStatusPage({ params }: Params) {
  return <StatusPage status={await loadStatusPage((await params).slug)} />;
}
