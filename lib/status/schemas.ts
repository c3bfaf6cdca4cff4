import { z } from "zod";

export const ZStatusSettings = z
  .object({
    statusAutoImpact: z.boolean({ error: "statusAutoImpact must be true or false" }),
  })
  .strict();
