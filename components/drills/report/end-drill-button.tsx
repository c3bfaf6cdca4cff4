"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest } from "@/components/api/api-client.ts";
import { Button } from "@/components/ui/button.tsx";

/** Ends a running drill (resolving its practice incident) and shows the report it produced. */
export function EndDrillButton({ drillId }: { drillId: string }) {
  const router = useRouter();
  const [state, setState] = useState<{ saving: boolean; error: string | null }>({ saving: false, error: null });
  const end = async () => {
    setState({ saving: true, error: null });
    const result = await apiRequest(`/api/drills/${drillId}/end`, { method: "POST" });
    if (!result.ok) return setState({ saving: false, error: result.error.message });
    router.refresh();
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="danger" disabled={state.saving} onClick={() => void end()}>
        {state.saving ? "Ending…" : "End drill and score it"}
      </Button>
      {state.error ? (
        <p role="alert" className="text-sm text-bad">
          {state.error}
        </p>
      ) : null}
    </div>
  );
}
