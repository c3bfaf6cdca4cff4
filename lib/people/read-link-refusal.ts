import { type AppError } from "../errors/app-error.ts";
import { findLink } from "./find-link.ts";
import { type AccessLinkPurpose } from "./access-link.ts";
import { linkRefusal } from "./link-refusal.ts";

export async function readLinkRefusal(token: string, purpose: AccessLinkPurpose): Promise<AppError> {
  const found = await findLink(token, purpose);
  const state = found?.state ?? "unknown";
  // Claimed by nobody yet says "valid" only if it expired between the claim and this read.
  return linkRefusal(purpose, state === "valid" ? "expired" : state);
}
