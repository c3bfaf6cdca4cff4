"use client";
import { Button } from "@/components/ui/button.tsx";

// Never a stack trace: a message that helps, and a way to try again.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-4 p-8 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-ink-muted">
        The page could not be loaded. Your posted entries are safe. Try again; if it keeps failing, quote this reference to your admin:{" "}
        <span className="font-mono text-ink">{error.digest ?? "n/a"}</span>
      </p>
      <Button onClick={reset}>Try again</Button>
    </main>
  );
}
