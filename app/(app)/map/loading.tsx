export default function Loading() {
  return (
    <main className="flex h-[calc(100dvh-3rem)] items-center justify-center" aria-busy="true">
      <p className="text-ink-muted">Loading the dependency map…</p>
    </main>
  );
}
