export default function Loading() {
  return (
    <main className="mx-auto w-full max-w-[1600px] p-6" aria-busy="true">
      <p className="text-ink-muted">Ranking active incidents…</p>
    </main>
  );
}
