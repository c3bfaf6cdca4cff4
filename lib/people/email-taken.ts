import { AppError } from "../errors/app-error.ts";

export const emailTaken = (email: string, inThisOrganisation: boolean) =>
  new AppError("conflict", inThisOrganisation ? `${email} is already a member or invited` : `${email} already has a Warroom account`, {
    fields: [{ field: "email", message: `${email} is already in use` }],
  });
