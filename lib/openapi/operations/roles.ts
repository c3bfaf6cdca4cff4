import type { RoleName } from "../../auth/permissions.ts";

// Who may call an operation, as the README's tables say it (checked by the authorization matrix).
export const EVERYONE: readonly RoleName[] = ["ADMIN", "COMMANDER", "RESPONDER", "VIEWER"];
export const WRITERS: readonly RoleName[] = ["ADMIN", "COMMANDER", "RESPONDER"];
export const COMMANDERS: readonly RoleName[] = ["ADMIN", "COMMANDER"];
export const ADMINS: readonly RoleName[] = ["ADMIN"];
