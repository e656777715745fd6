// The response form's other uses, parsed by the public form's schema (ZResponseInput) under `input`: keying in a
// response received by email or on paper (with the day it was received, not after today), and the private link.
import { z } from "zod";
import { now } from "@/lib/clock";
import { ZResponseInput } from "./schema";

/** Keying in: the day it was received and the response. */
export const ZKeyIn = z.object({
  receivedOn: z
    .string({ error: "receivedOnInvalid" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "receivedOnInvalid" })
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && d <= now().toISOString().slice(0, 10), {
      error: "receivedOnInvalid",
    }),
  input: ZResponseInput,
});

/** A change through the private link: the response, as the public form sends it. */
export const ZResponseChange = z.object({ input: ZResponseInput });

/** Withdrawing through the private link: the confirmation box. */
export const ZWithdraw = z.object({ confirm: z.literal("yes", { error: "withdrawConfirm" }) });
