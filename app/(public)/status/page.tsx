import { StatusPage } from "@/components/status/status-page.tsx";
import { loadStatusPage, statusMetadata, statusViewport } from "./load-status-page.ts";

// No login: the first organisation's status (one shop per installation is the usual case);
// /status/{slug} shows a specific organisation.
export const viewport = statusViewport;
export const generateMetadata = () => statusMetadata(null);

export default async function PublicStatusPage() {
  return <StatusPage status={await loadStatusPage(null)} />;
}
