"use client";
// The header's "Publish update…" asks the side panel's stakeholder section to open its composer:
// one composer, wherever the request comes from.

const EVENT = "warroom:compose-stakeholder-update";

export interface ComposeRequest {
  /** Start with "publish on the status page" ticked. */
  publish: boolean;
}

export function openStakeholderComposer(request: ComposeRequest): void {
  window.dispatchEvent(new CustomEvent<ComposeRequest>(EVENT, { detail: request }));
}

export function onComposeRequest(listener: (request: ComposeRequest) => void): () => void {
  const handler = (e: Event) => listener((e as CustomEvent<ComposeRequest>).detail);
  window.addEventListener(EVENT, handler);
  return () => window.removeEventListener(EVENT, handler);
}
