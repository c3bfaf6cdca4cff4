// Client-safe: how every answer names a person (author, commander, reviewer…), shared by the
// domains' response schemas so the OpenAPI document has one `PersonRef`.
import { z } from "zod";

export const ZPersonRef = z.object({ id: z.uuid(), name: z.string() });
export type PersonRef = z.infer<typeof ZPersonRef>;
