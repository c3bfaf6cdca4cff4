import { AppError } from "../errors/app-error.ts";

export const alreadySetUp = () => new AppError("forbidden", "Warroom is already set up; sign in instead");
