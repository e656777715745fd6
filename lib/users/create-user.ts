import { z } from "zod";
import { db } from "@/lib/db";
import { hashPassword } from "./password";
import { normaliseEmail, type TRole } from "./verify-credentials";

export const ZNewUser = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(200),
  role: z.enum(["admin", "moderator", "delegate"]),
  password: z.string().min(12, { error: "Passwords need 12 characters or more" }).max(1000),
});

/** Creates an account, or resets the password, name and role of an existing one. */
export async function createUser(input: { email: string; name: string; role: TRole; password: string }) {
  const data = ZNewUser.parse(input);
  const email = normaliseEmail(data.email);
  const passwordHash = await hashPassword(data.password);
  return db.appUser.upsert({
    where: { email },
    create: { email, name: data.name, role: data.role, passwordHash },
    update: { name: data.name, role: data.role, passwordHash, disabledAt: null },
    select: { id: true, email: true, role: true },
  });
}
