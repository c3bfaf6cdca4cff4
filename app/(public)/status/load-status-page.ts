import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { getPublicStatus } from "@/lib/status/get-public-status.ts";

/** The public status of an organisation (by slug, or the first one), or the 404 page. */
export async function loadStatusPage(slug: string | null) {
  const status = await getPublicStatus(slug);
  if (!status) notFound();
  return status;
}

export async function statusMetadata(slug: string | null): Promise<Metadata> {
  const status = await loadStatusPage(slug);
  // The banner in the tab title: a customer with the tab open sees the state change.
  return { title: { absolute: `${status.overall.label} · ${status.organization.name} status` }, robots: { index: true } };
}

// Customers, not commanders: follow the reader's light or dark preference.
export const statusViewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f7f8fa" },
    { media: "(prefers-color-scheme: dark)", color: "#0b0f14" },
  ],
};
