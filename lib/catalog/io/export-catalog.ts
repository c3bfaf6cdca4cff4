import { stringify } from "yaml";
import { type Actor } from "../../auth/actor.ts";
import { buildCatalogFile } from "./build-catalog-file.ts";

export const EXPORT_FORMATS = ["json", "yaml"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedFile {
  filename: string;
  contentType: string;
  body: string;
}

/** The export as a downloadable file: `warroom-catalog-<org>-<date>.json|yaml`. */
export async function exportCatalog(actor: Actor, format: ExportFormat, now = new Date()): Promise<ExportedFile> {
  const file = await buildCatalogFile(actor);
  const slug =
    file.organization
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "catalog";
  const filename = `warroom-catalog-${slug}-${now.toISOString().slice(0, 10)}.${format}`;
  if (format === "json") return { filename, contentType: "application/json; charset=utf-8", body: `${JSON.stringify(file, null, 2)}\n` };
  // lineWidth 0: never fold long descriptions, so a line of the file is a line of the catalog.
  return { filename, contentType: "application/yaml; charset=utf-8", body: stringify(file, { lineWidth: 0 }) };
}
