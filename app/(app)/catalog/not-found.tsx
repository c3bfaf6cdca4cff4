import Link from "next/link";
import { buttonClasses } from "@/components/ui/button.tsx";

export default function CatalogNotFound() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-4 p-8 text-center">
      <p className="font-mono text-sm text-ink-faint">404</p>
      <h1 className="text-2xl font-semibold">Not in your catalog</h1>
      <p className="text-ink-muted">That service or team does not exist (any more), or it belongs to another organisation.</p>
      <Link href="/catalog" className={buttonClasses("secondary")}>
        Back to the catalog
      </Link>
    </main>
  );
}
