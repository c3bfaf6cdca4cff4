import { AppError } from "@/lib/errors/app-error.ts";
import { publicRoute } from "@/lib/http/api-handler.ts";

// Unknown API paths answer in the API's error shape, not with the HTML 404 page.
const notFound = publicRoute<{ path: string[] }>(async ({ req }) => {
  throw new AppError("not_found", `No API route ${req.method} ${req.nextUrl.pathname}`);
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
