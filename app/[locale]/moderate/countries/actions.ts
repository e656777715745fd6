"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getConsultation } from "@/lib/consultations/get-consultation";
import { isCountryCode } from "@/lib/countries/list-countries";
import { formAction } from "@/lib/forms/action";
import { setExpectedCountries, ZExpectedCountries } from "@/lib/country-tracker/expected-countries";
import { remindByHand } from "@/lib/country-tracker/send-reminders";

const ZRemind = z.object({
  slug: z.string().max(64),
  country: z.string().refine(isCountryCode, { error: "unknownCountry" }),
});

// Admins only: checked here (moderators see the tracker, admins act on it).
export const remindAction = formAction(
  { role: "admin", schema: ZRemind, field: "country" },
  async (input, { user, fail, ok }) => {
    const consultation = await getConsultation(input.slug);
    if (!consultation) return fail({ field: "country", key: "forbidden" });
    const result = await remindByHand(user.id, consultation, input.country);
    if (!result.ok) return fail({ field: "country", key: `remind_${result.reason}` });
    revalidatePath("/[locale]/moderate/countries", "page");
    return ok({ count: String(result.members), country: input.country });
  },
);

// Admins only: checked here.
export const expectedAction = formAction(
  { role: "admin", schema: ZExpectedCountries, field: "countries" },
  async (input, { user, fail, ok }) => {
    const consultation = await getConsultation(input.slug);
    if (!consultation) return fail({ field: "countries", key: "forbidden" });
    await setExpectedCountries(user.id, consultation, input.countries);
    revalidatePath("/[locale]/moderate/countries", "page");
    return ok({ count: String(input.countries.length) }, { countries: input.countries.join(" ") });
  },
);
