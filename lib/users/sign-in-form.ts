import { z } from "zod";

/** The sign-in form's schema, shared by the form and the Server Action. */
export const ZSignIn = z.object({
  email: z.string().trim().min(1, { error: "emailRequired" }).max(254, { error: "invalid" }),
  password: z.string().min(1, { error: "passwordRequired" }).max(1000, { error: "invalid" }),
});

/** Only a path on this site: never send a signed-in person to another site. */
export function safeCallback(value: unknown, fallback: string): string {
  return typeof value === "string" && /^\/(?!\/)[A-Za-z0-9/_\-.?=&%]*$/.test(value) ? value : fallback;
}
