import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { AppError, forbidden, notFound } from "../errors/app-error.ts";
import { loadEnv } from "../env.ts";
import { hitRateLimit } from "../security/hit-rate-limit.ts";
import { accountDeactivated, assertCan, type Actor } from "../auth/actor.ts";
import { generateApiToken, hashApiToken, parseBearer } from "../auth/api-token-format.ts";
import { API_TOKEN_SCOPE_RANK, ZCreateApiToken, type ApiTokenScopeName } from "../auth/api-token-schemas.ts";
import { can, type RoleName } from "../auth/permissions.ts";

export interface ApiTokenDto {
  id: string;
  name: string;
  scope: ApiTokenScopeName;
  /** The first characters of the token, e.g. "wr_Q3k9xA": enough to recognise it, useless to use. */
  prefix: string;
  owner: { id: string; name: string };
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Last-used times are advisory: writing them on every request would turn reads into writes. */
const LAST_USED_RESOLUTION_MS = 60_000;
const READ_METHODS = new Set(["GET", "HEAD"]);

const tokenSelect = {
  id: true,
  name: true,
  scope: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  user: { select: { id: true, name: true } },
} as const;

type TokenRow = {
  id: string;
  name: string;
  scope: ApiTokenScopeName;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  user: { id: string; name: string };
};

function toDto(row: TokenRow): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    prefix: row.prefix,
    owner: row.user,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/**
 * Creates a token for the actor. The token itself is in the answer once and never again.
 * `viaScope` is the scope of the token making the request, if any: a token cannot mint a broader one.
 */
export async function createApiToken(
  actor: Actor,
  raw: unknown,
  viaScope: ApiTokenScopeName | null = null,
): Promise<{ token: string; apiToken: ApiTokenDto }> {
  assertCan(actor, "incident:read");
  const input = ZCreateApiToken.parse(raw);
  if (viaScope && API_TOKEN_SCOPE_RANK[input.scope] > API_TOKEN_SCOPE_RANK[viaScope]) {
    throw forbidden(`A ${viaScope} token cannot create a ${input.scope} token`);
  }
  const { token, prefix, hash } = generateApiToken();
  const row = await db().$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { organizationId: actor.organizationId, userId: actor.userId, name: input.name, scope: input.scope, prefix, tokenHash: hash },
      select: tokenSelect,
    });
    await recordAudit(tx, actor, {
      action: "api_token.create",
      entityType: "ApiToken",
      entityId: created.id,
      after: { name: created.name, scope: created.scope, prefix: created.prefix },
    });
    return created;
  });
  return { token, apiToken: toDto(row) };
}

/** The actor's own tokens; an admin sees every token of the organisation. Newest first. */
export async function listApiTokens(actor: Actor): Promise<ApiTokenDto[]> {
  assertCan(actor, "incident:read");
  const rows = await db().apiToken.findMany({
    where: can(actor.role, "org:admin")
      ? { organizationId: actor.organizationId }
      : { organizationId: actor.organizationId, userId: actor.userId },
    select: tokenSelect,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return rows.map(toDto);
}

/** Revokes one's own token (an admin: anyone's in the organisation). Revoking twice is harmless. */
export async function revokeApiToken(actor: Actor, tokenId: string): Promise<ApiTokenDto> {
  assertCan(actor, "incident:read");
  if (!z.uuid().safeParse(tokenId).success) throw notFound("API token");
  const where = can(actor.role, "org:admin")
    ? { id: tokenId, organizationId: actor.organizationId }
    : { id: tokenId, organizationId: actor.organizationId, userId: actor.userId };
  const row = await db().$transaction(async (tx) => {
    const current = await tx.apiToken.findFirst({ where, select: tokenSelect });
    if (!current) throw notFound("API token");
    if (current.revokedAt) return current;
    const revoked = await tx.apiToken.update({ where: { id: current.id }, data: { revokedAt: new Date() }, select: tokenSelect });
    await recordAudit(tx, actor, {
      action: "api_token.revoke",
      entityType: "ApiToken",
      entityId: revoked.id,
      before: { revokedAt: null },
      after: { revokedAt: revoked.revokedAt?.toISOString() ?? null },
    });
    return revoked;
  });
  return toDto(row);
}

/**
 * A token acts as its user, narrowed by its scope. Capping the role (rather than tagging the
 * actor) means every existing permission check, including role-based ones like canCommand,
 * honours the scope without knowing tokens exist: only ADMIN holds org:admin, and a write
 * token of an admin acts as a commander, who can do everything else.
 */
function roleForScope(role: RoleName, scope: ApiTokenScopeName): RoleName {
  return scope !== "admin" && role === "ADMIN" ? "COMMANDER" : role;
}

/**
 * Resolves `Authorization: Bearer wr_…` to the actor it acts for. Malformed, unknown and
 * revoked tokens are all a 401 (nothing is stored for them); a read token asked to write is a 403.
 */
let requestsPerMinute: number | undefined;
function tokenRequestsPerMinute(): number {
  requestsPerMinute ??= loadEnv().API_TOKEN_REQUESTS_PER_MINUTE;
  return requestsPerMinute;
}

export async function authenticateBearer(header: string, method: string): Promise<{ actor: Actor; scope: ApiTokenScopeName }> {
  const token = parseBearer(header);
  if (!token) throw new AppError("unauthorized", 'Authorization must be "Bearer wr_…" with an API token');
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: {
      id: true,
      name: true,
      prefix: true,
      scope: true,
      revokedAt: true,
      lastUsedAt: true,
      organizationId: true,
      user: { select: { id: true, organizationId: true, role: true, name: true, email: true, deactivatedAt: true } },
    },
  });
  if (!row || row.user.organizationId !== row.organizationId) throw new AppError("unauthorized", "Unknown API token");
  if (row.revokedAt) throw new AppError("unauthorized", "This API token was revoked");
  // A deactivated person's tokens stop with them (and work again if they are reactivated).
  if (row.user.deactivatedAt) throw accountDeactivated();
  // Per token, so one runaway script cannot starve the room; counted across instances.
  const limit = await hitRateLimit(`token:${row.id}`, { limit: tokenRequestsPerMinute(), windowMs: 60_000 });
  if (!limit.allowed) {
    throw new AppError("rate_limited", `This API token made too many requests; try again in ${limit.retryAfterSeconds} s`, {
      retryAfterSeconds: limit.retryAfterSeconds,
    });
  }
  if (row.scope === "read" && !READ_METHODS.has(method.toUpperCase())) {
    throw forbidden("This API token is read-only: it may only make GET requests");
  }
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // Conditional, so concurrent requests write at most once per minute between them.
    await db().apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now - LAST_USED_RESOLUTION_MS) } }] },
      data: { lastUsedAt: new Date(now) },
    });
  }
  const { user } = row;
  return {
    actor: {
      userId: user.id,
      organizationId: user.organizationId,
      role: roleForScope(user.role, row.scope),
      name: user.name,
      email: user.email,
      apiToken: { id: row.id, name: row.name, prefix: row.prefix },
    },
    scope: row.scope,
  };
}
