"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp } from "@/lib/http/client-ip";
import type { TFormState } from "@/lib/forms/form-state";
import { submitResponseForm } from "@/lib/responses/submit-response-form";

// Public: anyone may respond, so there is no role to check. Next.js checks the
// Origin of every Server Action post (CSRF); the rate limit is per client.
// Not through formAction: the response form's steps (rate limit, honeypot, the shared schema, the clause
// field names, storing) are lib/responses/submit-response-form.ts's, tested without Next.js; it answers the same TFormState.
export async function respondAction(prev: TFormState, form: FormData): Promise<TFormState> {
  const outcome = await submitResponseForm(form, clientIp(await headers()), prev?.nonce ?? 0);
  if ("redirectTo" in outcome) redirect(outcome.redirectTo);
  return outcome.state;
}
