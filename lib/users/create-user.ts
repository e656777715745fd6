import { z } from "zod";
import { db } from "@/lib/db";
import { isCountryCode } from "@/lib/countries/list-countries";
import { hashPassword } from "./password";
import { normaliseEmail, type TRole } from "./verify-credentials";
import { ENDS_SESSIONS } from "./session";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 1000;
export const ZPassword = z
  .string()
  .min(PASSWORD_MIN, { error: "Passwords need 12 characters or more" })
  .max(PASSWORD_MAX);

export const ZNewUser = z
  .object({
    email: z.email().max(254),
    name: z.string().trim().min(1).max(200),
    role: z.enum(["admin", "moderator", "delegate"]),
    password: ZPassword,
    // Delegates only: their country and their part in the delegation.
    country: z.string().refine(isCountryCode).optional(),
    delegationRole: z.enum(["drafter", "approver"]).optional(),
  })
  .refine((u) => (u.role === "delegate") === (u.country !== undefined && u.delegationRole !== undefined), {
    error: "A delegate needs a country and a delegation role (drafter or approver); other roles have neither",
  });

export type TNewUser = {
  email: string;
  name: string;
  role: TRole;
  password: string;
  country?: string;
  delegationRole?: "drafter" | "approver";
};

/** Creates an account, or resets the password, name and role of an existing one (which ends its sessions). */
export async function createUser(input: TNewUser) {
  const data = ZNewUser.parse(input);
  const email = normaliseEmail(data.email);
  const passwordHash = await hashPassword(data.password);
  const fields = {
    name: data.name,
    role: data.role,
    passwordHash,
    country: data.country ?? null,
    delegationRole: data.delegationRole ?? null,
  };
  return db.appUser.upsert({
    where: { email },
    create: { email, ...fields },
    update: { ...fields, disabledAt: null, ...ENDS_SESSIONS },
    select: { id: true, email: true, role: true },
  });
}
