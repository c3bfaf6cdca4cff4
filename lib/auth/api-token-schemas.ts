import { z } from "zod";

// Client-safe: the token form and the API share these rules.
export const API_TOKEN_SCOPES = ["read", "write", "admin"] as const;
export type ApiTokenScopeName = (typeof API_TOKEN_SCOPES)[number];

export const API_TOKEN_SCOPE_LABELS: Record<ApiTokenScopeName, { label: string; hint: string }> = {
  read: { label: "Read", hint: "GET requests only: dashboards, exports, status checks" },
  write: { label: "Write", hint: "Read and write (post entries, push health); no organisation settings" },
  admin: { label: "Admin", hint: "Everything your role may do, organisation settings included" },
};

/** Narrower scopes rank lower: a token may only mint tokens no broader than itself. */
export const API_TOKEN_SCOPE_RANK: Record<ApiTokenScopeName, number> = { read: 0, write: 1, admin: 2 };

export const ZCreateApiToken = z.object({
  name: z.string({ error: "name is required" }).trim().min(1, "name is required").max(80, "name must be at most 80 characters"),
  scope: z.enum(API_TOKEN_SCOPES, { error: `scope must be one of ${API_TOKEN_SCOPES.join(", ")}` }),
});
export type TCreateApiToken = z.input<typeof ZCreateApiToken>;
