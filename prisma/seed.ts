// Idempotent: creates the sample consultation, or brings its text up to date.
// The deadline comes from CONSULTATION_CLOSES_AT; without it a new
// consultation closes 90 days after it was first seeded, and an existing one
// keeps its deadline.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { now } from "@/lib/clock";
import { dpsiClauses, dpsiConsultation, type SeedClause } from "./seed-data/dpsi";

async function main() {
  const c = dpsiConsultation;
  const at = now();
  const configured = env().CONSULTATION_CLOSES_AT;
  const texts = {
    referencePrefix: c.referencePrefix,
    titleEn: c.title.en,
    titleFr: c.title.fr,
    summaryEn: c.summary.en,
    summaryFr: c.summary.fr,
    askedForEn: c.askedFor.en,
    askedForFr: c.askedFor.fr,
    audienceEn: c.audience.en,
    audienceFr: c.audience.fr,
    timeZone: c.timeZone,
  };
  const existing = await db.consultation.findUnique({ where: { slug: c.slug } });
  const closesAt = configured ? new Date(configured) : (existing?.closesAt ?? new Date(at.getTime() + 90 * 86_400_000));
  let opensAt = existing?.opensAt ?? new Date(at.getTime() - 60_000);
  if (opensAt >= closesAt) opensAt = new Date(closesAt.getTime() - 86_400_000);

  const consultation = await db.consultation.upsert({
    where: { slug: c.slug },
    // The sample is published from the start; a configured deadline is its original one.
    create: { slug: c.slug, ...texts, opensAt, closesAt, publishedAt: at, originalClosesAt: closesAt },
    update: {
      ...texts,
      opensAt,
      closesAt,
      ...(configured || !existing?.originalClosesAt ? { originalClosesAt: closesAt } : {}),
      ...(existing?.publishedAt ? {} : { publishedAt: at }),
    },
  });

  const flat: { clause: SeedClause; parentKey: string | null }[] = [];
  for (const clause of dpsiClauses) {
    flat.push({ clause, parentKey: null });
    for (const child of clause.children ?? []) flat.push({ clause: child, parentKey: clause.key });
  }
  await db.$transaction(async (tx) => {
    // Move positions out of the way first, so a reordering never collides with the unique (consultation, position).
    await tx.clause.updateMany({
      where: { consultationId: consultation.id },
      data: { position: { increment: 100_000 } },
    });
    const ids = new Map<string, string>();
    for (const [position, { clause, parentKey }] of flat.entries()) {
      const data = {
        kind: clause.kind,
        number: clause.number,
        position,
        parentId: parentKey ? ids.get(parentKey)! : null,
        headingEn: clause.heading?.en ?? null,
        headingFr: clause.heading?.fr ?? null,
        bodyEn: clause.body.en,
        bodyFr: clause.body.fr,
      };
      const row = await tx.clause.upsert({
        where: { consultationId_key: { consultationId: consultation.id, key: clause.key } },
        create: { consultationId: consultation.id, key: clause.key, ...data },
        update: data,
      });
      ids.set(clause.key, row.id);
    }
  });
  console.log(`[seed] "${c.slug}": ${flat.length} clauses, open ${opensAt.toISOString()} to ${closesAt.toISOString()}`);
}

main()
  .then(() => db.$disconnect())
  .catch(async (e) => {
    console.error(e);
    await db.$disconnect();
    process.exit(1);
  });
