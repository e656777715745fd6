// A new password typed twice (accepting an invitation, a password reset): the limits of ZPassword with message
// keys (ZPassword's own English message would show as a raw key), and the second copy must match the first.
import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN } from "./create-user";

export const ZNewPassword = z
  .string({ error: "passwordTooShort" })
  .min(PASSWORD_MIN, { error: "passwordTooShort" })
  .max(PASSWORD_MAX, { error: "passwordTooLong" });

/** The refinement both forms put on { password, confirm }: a mismatch is reported on "confirm". */
export const SAME_PASSWORDS: [
  (v: { password: string; confirm: string }) => boolean,
  { path: string[]; error: string },
] = [(v) => v.password === v.confirm, { path: ["confirm"], error: "passwordsDiffer" }];
