// The accounts page's forms: one schema each, shared by the forms and their Server Actions.
import { z } from "zod";

const id = z.string({ error: "notFound" }).max(100, { error: "notFound" }).default("");

/** A change to an account: a role, a delegate's part, active or not; anything else sent is no change. */
export const ZAccountChange = z.object({
  id,
  role: z.enum(["admin", "moderator"]).optional().catch(undefined),
  delegationRole: z.enum(["drafter", "approver"]).optional().catch(undefined),
  active: z
    .enum(["yes", "no"])
    .optional()
    .catch(undefined)
    .transform((v) => (v === undefined ? undefined : v === "yes")),
});

/** Clear an account's sign-in locks. */
export const ZUnlockSignIn = z.object({ id });
