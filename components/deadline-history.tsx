import { getTranslations } from "next-intl/server";
import { deadlineHistory } from "@/lib/consultations/deadline-history";
import { formatInstant } from "@/lib/consultations/format-instant";

/** "Deadline extended from … to …: reason", in the order it happened. Nothing when the deadline never moved. */
export async function DeadlineHistory({
  consultationId,
  locale,
  timeZone,
}: {
  consultationId: string;
  locale: string;
  timeZone: string;
}) {
  const changes = await deadlineHistory(consultationId);
  if (!changes.length) return null;
  const t = await getTranslations({ locale, namespace: "consultation" });
  const when = (d: Date) => formatInstant(d, locale, timeZone);
  return (
    <section aria-labelledby="deadline-history" className="mb-8">
      <h2 id="deadline-history" className="mb-2 text-xl font-bold">
        {t("deadlineHistory")}
      </h2>
      <ul className="list-disc pl-6">
        {changes.map((c) => (
          <li key={c.id}>
            {c.kind === "extended"
              ? t("deadlineExtended", { from: when(c.fromAt), to: when(c.toAt), reason: c.reason })
              : t("closedEarly", { at: when(c.toAt), reason: c.reason })}
          </li>
        ))}
      </ul>
    </section>
  );
}
