// The invitation form: one schema for the admin's form and the server.
import { z } from "zod";
import { isCountryCode } from "@/lib/countries/list-countries";
import { SAME_PASSWORDS, ZNewPassword } from "@/lib/users/new-password";

export const INVITE_ROLES = ["delegate", "moderator", "admin"] as const;
export const DELEGATION_ROLES = ["drafter", "approver"] as const;

export const ZInvitation = z
  .object({
    email: z.email({ error: "emailInvalid" }).max(254, { error: "emailInvalid" }),
    name: z.string().trim().min(1, { error: "nameRequired" }).max(200, { error: "nameTooLong" }),
    role: z.enum(INVITE_ROLES, { error: "roleRequired" }),
    country: z.string().optional(),
    delegationRole: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.role !== "delegate") return;
    if (!isCountryCode(v.country)) ctx.addIssue({ code: "custom", path: ["country"], message: "countryRequired" });
    if (!DELEGATION_ROLES.includes(v.delegationRole as "drafter"))
      ctx.addIssue({ code: "custom", path: ["delegationRole"], message: "delegationRoleRequired" });
  })
  .transform((v) => ({
    email: v.email.toLowerCase(),
    name: v.name,
    role: v.role,
    country: v.role === "delegate" ? (v.country as string) : null,
    delegationRole: v.role === "delegate" ? (v.delegationRole as "drafter" | "approver") : null,
  }));

export type TInvitationInput = z.output<typeof ZInvitation>;

/** Accepting: a name (prefilled) and a password typed twice. */
export const ZAcceptInvitation = z
  .object({
    name: z.string().trim().min(1, { error: "nameRequired" }).max(200, { error: "nameTooLong" }),
    password: ZNewPassword,
    confirm: z.string(),
  })
  .refine(...SAME_PASSWORDS);
