import { z } from "zod";
import { ROLES } from "../auth/permissions.ts";

// Shared by the forms and the API (client-safe: no server imports).

export const MIN_PASSWORD_LENGTH = 12;

/** The one password rule, named in the 422 so the person knows what to change. */
export const ZPassword = z
  .string({ error: "password is required" })
  .min(MIN_PASSWORD_LENGTH, `password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1024, "password must be at most 1024 characters");

const ZName = z.string({ error: "name is required" }).trim().min(1, "name is required").max(120, "name must be at most 120 characters");
const ZEmail = z
  .string({ error: "email is required" })
  .trim()
  .toLowerCase()
  .pipe(z.email("email must be an email address").max(320, "email is too long"));
export const ZPersonId = z.uuid();
export const ZRole = z.enum(ROLES, { error: `role must be one of ${ROLES.join(", ")}` });

const isCurrency = (code: string) => /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf("currency").includes(code);
const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
};

export const ZSetup = z
  .object({
    organization: z
      .object({
        name: z
          .string({ error: "name is required" })
          .trim()
          .min(2, "name must be at least 2 characters")
          .max(120, "name must be at most 120 characters"),
        currency: z.string().trim().toUpperCase().refine(isCurrency, "currency must be an ISO 4217 code such as USD or EUR").default("USD"),
        timeZone: z.string().trim().refine(isTimeZone, "timeZone must be an IANA time zone such as Europe/Berlin").default("UTC"),
      })
      .strict(),
    admin: z.object({ name: ZName, email: ZEmail, password: ZPassword }).strict(),
  })
  .strict();
export type TSetup = z.input<typeof ZSetup>;

export const ZInvite = z.object({ email: ZEmail, role: ZRole, name: ZName.optional() }).strict();
export type TInvite = z.input<typeof ZInvite>;

export const ZUpdatePerson = z
  .object({ role: ZRole, active: z.boolean({ error: "active must be true or false" }) })
  .partial()
  .strict()
  .refine((v) => v.role !== undefined || v.active !== undefined, { message: "send role or active", path: ["(body)"] });
export type TUpdatePerson = z.input<typeof ZUpdatePerson>;

const ZLinkToken = z.string({ error: "token is required" }).min(20, "token is not a valid link").max(200, "token is not a valid link");

export const ZAcceptInvitation = z.object({ token: ZLinkToken, name: ZName, password: ZPassword }).strict();
export const ZCompleteReset = z.object({ token: ZLinkToken, password: ZPassword }).strict();

export const ZChangePassword = z
  .object({
    currentPassword: z.string({ error: "currentPassword is required" }).min(1, "currentPassword is required").max(1024),
    newPassword: ZPassword,
  })
  .strict();
