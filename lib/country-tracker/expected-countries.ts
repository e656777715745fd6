// The countries an admin expects to answer a consultation (e.g. the OECD members): replaced as a whole
// from the tracker's form, logged in the admin log.
import { z } from "zod";
import { db } from "@/lib/db";
import { isCountryCode } from "@/lib/countries/list-countries";
import { logAdminEvent } from "@/lib/users/admin-event";

/** The form's list: ISO codes separated by spaces, commas or new lines, any case; every unknown code is named. */
export const ZExpectedCountries = z.object({
  slug: z.string().max(64),
  countries: z
    .string()
    .max(2000, { error: "expectedTooLong" })
    .transform((s, ctx) => {
      const codes = [
        ...new Set(
          s
            .toUpperCase()
            .split(/[\s,;]+/)
            .filter(Boolean),
        ),
      ];
      const bad = codes.filter((c) => !isCountryCode(c));
      if (bad.length) ctx.addIssue({ code: "custom", message: "expectedUnknown", path: [] });
      return codes.filter(isCountryCode).sort();
    }),
});

export async function listExpectedCountries(consultationId: string): Promise<string[]> {
  const rows = await db.expectedCountry.findMany({ where: { consultationId }, orderBy: { country: "asc" } });
  return rows.map((r) => r.country);
}

export async function setExpectedCountries(
  actorId: string,
  consultation: { id: string; slug: string },
  countries: string[],
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.expectedCountry.deleteMany({ where: { consultationId: consultation.id } });
    await tx.expectedCountry.createMany({
      data: countries.map((country) => ({ consultationId: consultation.id, country })),
    });
    await logAdminEvent(actorId, "tracker.expected", consultation.slug, countries.join(" ") || null, tx);
  });
}
