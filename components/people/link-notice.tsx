"use client";
import { useEffect, useRef, useState } from "react";
import type { MailOutcome } from "@/lib/people/mailer.ts";
import { ZonedDateTime } from "../time/timestamp.tsx";
import { Button } from "../ui/button.tsx";

const EMAIL_WORDS: Record<MailOutcome, string> = {
  sent: "It was also emailed to them.",
  not_configured: "Email is not configured (SMTP_URL): send it to them yourself.",
  failed: "Emailing it failed: send it to them yourself.",
};

/** A one-time link, shown once to copy: invitation or password reset. */
export function LinkNotice({
  title,
  url,
  expiresAt,
  email,
  onDismiss,
}: {
  title: string;
  url: string;
  expiresAt: string;
  email: MailOutcome;
  onDismiss: () => void;
}) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [url]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="region"
      aria-label={title}
      data-testid="access-link"
      className="space-y-3 rounded-lg border border-ok/50 bg-ok/5 p-4 outline-none"
    >
      <p className="font-semibold text-ink">{title}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          data-testid="access-link-url"
          className="min-w-0 flex-1 select-all break-all rounded-md border border-line bg-canvas px-3 py-2 font-mono text-sm text-ink"
        >
          {url}
        </code>
        <Button variant="secondary" size="sm" onClick={() => void copy()}>
          {copied === "yes" ? "Copied ✓" : "Copy link"}
        </Button>
      </div>
      <p role="status" className="text-xs text-ink-muted">
        Works once, until <ZonedDateTime iso={expiresAt} />. {EMAIL_WORDS[email]}
        {copied === "failed" ? " The browser refused clipboard access: select the link and copy it by hand." : ""}
      </p>
      <Button variant="ghost" size="sm" onClick={onDismiss}>
        Done
      </Button>
    </div>
  );
}
