// A consultation as the authoring form shows it for editing (admins: the page checks the role).
import { db } from "@/lib/db";
import { utcToZonedLocal } from "@/lib/consultations/zoned-time";

export async function getConsultationValues(slug: string) {
  const c = await db.consultation.findUnique({ where: { slug } });
  if (!c) return null;
  const values = {
    referencePrefix: c.referencePrefix,
    titleEn: c.titleEn,
    titleFr: c.titleFr,
    summaryEn: c.summaryEn,
    summaryFr: c.summaryFr,
    askedForEn: c.askedForEn,
    askedForFr: c.askedForFr,
    audienceEn: c.audienceEn,
    audienceFr: c.audienceFr,
    privacyEn: c.privacyEn ?? "",
    privacyFr: c.privacyFr ?? "",
    timeZone: c.timeZone,
    sectionLabelEn: c.sectionLabelEn ?? "",
    sectionLabelFr: c.sectionLabelFr ?? "",
    itemLabelEn: c.itemLabelEn ?? "",
    itemLabelFr: c.itemLabelFr ?? "",
    opensAt: utcToZonedLocal(c.opensAt, c.timeZone),
    closesAt: utcToZonedLocal(c.closesAt, c.timeZone),
  };
  return { slug: c.slug, title: { en: c.titleEn, fr: c.titleFr }, draft: !c.publishedAt, values };
}
