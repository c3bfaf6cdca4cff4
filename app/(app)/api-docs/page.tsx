import type { Metadata } from "next";
import { ApiReference } from "@/components/api-docs/api-reference.tsx";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { openApiDocument } from "@/lib/openapi/build-openapi.ts";

export const metadata: Metadata = { title: "API reference" };

// Rendered from the same document /api/openapi.json serves, so the page and the file never disagree.
export default async function ApiDocsPage() {
  await getPageActor("/api-docs");
  return <ApiReference document={openApiDocument()} />;
}
