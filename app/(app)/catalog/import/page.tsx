import type { Metadata } from "next";
import Link from "next/link";
import { ExportPanel } from "@/components/catalog/io/export-panel.tsx";
import { FormatHelp } from "@/components/catalog/io/format-help.tsx";
import { ImportForm } from "@/components/catalog/io/import-form.tsx";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { can } from "@/lib/auth/permissions.ts";
import { countCatalog } from "@/lib/catalog/io/count-catalog.ts";

export const metadata: Metadata = { title: "Import & export · Catalog" };

export default async function CatalogImportPage() {
  const actor = await getPageActor("/catalog/import");
  const counts = await countCatalog(actor);
  const canImport = can(actor.role, "catalog:edit");
  return (
    <main className="mx-auto w-full max-w-[1200px] space-y-6 p-4 sm:p-6">
      <div className="space-y-1">
        <Link href="/catalog" className="text-sm text-ink-muted hover:text-ink">
          ← Catalog
        </Link>
        <h1 className="text-xl font-semibold">Import &amp; export</h1>
        <p className="text-sm text-ink-muted">
          Move the catalog in and out as a file, or bring in what your Backstage catalog already knows.
        </p>
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_360px]">
        <div className="min-w-0 space-y-6">
          {canImport ? (
            <ImportForm />
          ) : (
            <section className="rounded-lg border border-dashed border-line p-5 text-sm text-ink-muted">
              Importing changes the catalog for everyone, so it takes the Commander or Admin role. You can export it.
            </section>
          )}
        </div>
        <div className="space-y-6">
          <ExportPanel counts={counts} />
          {canImport ? <FormatHelp /> : null}
        </div>
      </div>
    </main>
  );
}
