import { deletePagingRoute } from "@/lib/paging/delete-paging-route.ts";
import { getPagingRoute } from "@/lib/paging/get-paging-route.ts";
import { setPagingRoute } from "@/lib/paging/set-paging-route.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ id: string }>(async ({ actor, params }) => json(await getPagingRoute(actor, params.id)));

export const PUT = authedRoute<{ id: string }>(async ({ req, actor, params }) =>
  json(await setPagingRoute(actor, params.id, await readJson(req))),
);

export const DELETE = authedRoute<{ id: string }>(async ({ actor, params }) => json(await deletePagingRoute(actor, params.id)));
