import Link from "next/link";
import { buttonClasses } from "@/components/ui/button.tsx";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-4 p-8 text-center">
      <p className="font-mono text-sm text-ink-faint">404</p>
      <h1 className="text-2xl font-semibold">Nothing here</h1>
      <p className="text-ink-muted">That page or incident does not exist, or it belongs to another organisation.</p>
      <Link href="/incidents" className={buttonClasses("secondary")}>
        Back to incidents
      </Link>
    </main>
  );
}
