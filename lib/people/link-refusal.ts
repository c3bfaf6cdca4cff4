import { AppError } from "../errors/app-error.ts";
import type { AccessLinkPurpose, LinkState } from "./access-link.ts";

const NOUN: Record<AccessLinkPurpose, string> = { invitation: "invitation", password_reset: "password reset link" };

/** What the page says for a link that no longer works; the state says which, never a guess. */
export function linkStateMessage(purpose: AccessLinkPurpose, state: Exclude<LinkState, "valid">): string {
  const noun = NOUN[purpose];
  switch (state) {
    case "expired":
      return `This ${noun} has expired. Ask an admin of your organisation for a new one.`;
    case "used":
      return purpose === "invitation"
        ? "This invitation was already used. Sign in with the password you set."
        : "This password reset link was already used. Ask an admin for a new one.";
    case "revoked":
      return `This ${noun} was revoked. Ask an admin of your organisation for a new one.`;
    case "unknown":
      return `This ${noun} is not valid. Check that you copied the whole link.`;
  }
}

/** 404 for a token that never existed; 409 naming the state for one that no longer works. */
export function linkRefusal(purpose: AccessLinkPurpose, state: Exclude<LinkState, "valid">): AppError {
  return new AppError(state === "unknown" ? "not_found" : "conflict", linkStateMessage(purpose, state), { state });
}
