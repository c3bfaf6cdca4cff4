"use client";
import { useEffect, useRef } from "react";
import { Button } from "../../ui/button.tsx";
import { CopyField } from "../integrations/copy-field.tsx";

/** The one time a signing secret is visible (creation or rotation), with how to verify it. */
export function SigningSecretNotice({ channelName, secret, onDismiss }: { channelName: string; secret: string; onDismiss: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="region"
      aria-label="Signing secret"
      data-testid="signing-secret"
      className="space-y-3 rounded-lg border border-ok/50 bg-ok/5 p-4 outline-none"
    >
      <p className="font-semibold text-ink">Signing secret for “{channelName}”. Copy it now: it will not be shown again.</p>
      <CopyField label="Signing secret" value={secret} />
      <p className="text-sm text-ink-muted">
        Each request carries <code className="font-mono text-xs">X-Warroom-Timestamp</code> and{" "}
        <code className="font-mono text-xs">X-Warroom-Signature: v1=&lt;hex&gt;</code>, the HMAC-SHA256 of{" "}
        <code className="font-mono text-xs">timestamp + &quot;.&quot; + body</code> with this secret. Compare in constant time, refuse
        timestamps older than five minutes, and drop repeats of <code className="font-mono text-xs">X-Warroom-Delivery</code>.
      </p>
      <Button variant="ghost" size="sm" onClick={onDismiss}>
        I have copied it
      </Button>
    </div>
  );
}
