// The password reset forms: one schema each, shared by the form and its Server Action.
import { z } from "zod";
import { SAME_PASSWORDS, ZNewPassword } from "@/lib/users/new-password";

/** "Forgot your password?": the address of the account. */
export const ZForgotPassword = z.object({
  email: z.email({ error: "emailInvalid" }).max(254, { error: "emailInvalid" }),
});

/** The link's page: a new password, typed twice (the same rules as accepting an invitation). */
export const ZResetPassword = z
  .object({
    password: ZNewPassword,
    confirm: z.string({ error: "passwordsDiffer" }),
  })
  .refine(...SAME_PASSWORDS);

/** The accounts page: send a reset link to one account. */
export const ZSendPasswordReset = z.object({
  id: z.string({ error: "notFound" }).max(100, { error: "notFound" }).default(""),
});
