import type { ReactNode } from "react";

/** The signed-out pages' frame (setup, invitation, password reset), like the login page's. */
export function AuthShell({ title, children, wide = false }: { title: string; children: ReactNode; wide?: boolean }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className={wide ? "w-full max-w-lg space-y-6" : "w-full max-w-sm space-y-6"}>
        <div className="space-y-1 text-center">
          <p className="text-2xl font-bold tracking-tight">
            <span aria-hidden className="text-sev1">
              ●
            </span>{" "}
            Warroom
          </p>
          <h1 className="text-sm text-ink-muted">{title}</h1>
        </div>
        {children}
      </div>
    </main>
  );
}
