// Integration-test data for triage: one stored response (two feedback items on clause 1.1) and a moderator.
import { db } from "@/lib/db";
import { createConsultation, respondent, uniqueSlug } from "@/test/db-fixtures";
import { ZResponseInput } from "@/lib/responses/schema";
import { submitResponse } from "@/lib/responses/submit-response";
import { createUser } from "@/lib/users/create-user";

/** A consultation with one response's items (clarity and feasibility on clause 1.1) and a moderator to triage them. */
export async function triageSetup() {
  const c = await createConsultation();
  const r = await submitResponse(
    c.slug,
    ZResponseInput.parse({
      feedback: [{ clause: "1.1", clarity: { rating: 2 }, feasibility: { rating: 4 } }],
      respondent,
    }),
    { locale: "en", channel: "web" },
  );
  if (!r.ok) throw new Error("expected stored");
  const items = await db.feedbackItem.findMany({
    where: { response: { reference: r.reference } },
    orderBy: { position: "asc" },
  });
  const mod = await createUser({
    email: `${uniqueSlug("m")}@example.org`,
    name: "Mod",
    role: "moderator",
    password: "twelve chars at least",
  });
  return { c, items, mod };
}
