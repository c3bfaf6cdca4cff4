"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest } from "../api/api-client.ts";
import { Button } from "../ui/button.tsx";

interface Props {
  /** "service", "team" */
  what: string;
  name: string;
  url: string;
  /** What else goes with it, said before confirming. */
  consequence: string;
}

/** Delete → a confirmation that says what goes with it → back to the catalog. Refusals show their reason. */
export function DeleteEntity({ what, name, url, consequence }: Props) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setBusy(true);
    const result = await apiRequest(url, { method: "DELETE" });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      setConfirming(false);
      return;
    }
    router.push("/catalog");
    router.refresh();
  }

  return (
    <div className="space-y-2">
      {confirming ? (
        <div
          role="alertdialog"
          aria-label={`Delete ${name}?`}
          onKeyDown={(e) => e.key === "Escape" && setConfirming(false)}
          className="space-y-2 rounded-md border border-sev1/50 bg-sev1/10 p-3 text-sm"
        >
          <p>
            Delete {what} <strong>{name}</strong>? {consequence}
          </p>
          <div className="flex gap-2">
            <Button size="sm" variant="danger" onClick={() => void remove()} disabled={busy}>
              {busy ? "Deleting…" : `Delete ${what}`}
            </Button>
            {/* Focus lands on the safe choice: Enter at 2 AM should not delete anything. */}
            <Button size="sm" variant="ghost" onClick={() => setConfirming(false)} autoFocus>
              Keep it
            </Button>
          </div>
        </div>
      ) : (
        <Button size="sm" variant="ghost" className="text-sev1 hover:text-sev1" onClick={() => setConfirming(true)}>
          Delete {what}…
        </Button>
      )}
      {error ? (
        <p role="alert" className="text-xs font-medium text-sev1">
          {error}
        </p>
      ) : null}
    </div>
  );
}
