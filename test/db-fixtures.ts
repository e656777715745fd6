// Integration-test data: each test makes its own consultation, uniquely named.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";

export function uniqueSlug(prefix = "t"): string {
  return `${prefix}-${randomBytes(5).toString("hex")}`;
}

export async function createConsultation(
  opts: { slug?: string; opensAt?: Date; closesAt?: Date; draft?: boolean } = {},
) {
  const slug = opts.slug ?? uniqueSlug();
  const closesAt = opts.closesAt ?? new Date(Date.now() + 3_600_000);
  const c = await db.consultation.create({
    data: {
      slug,
      referencePrefix: "TEST",
      titleEn: "Test",
      titleFr: "Test",
      summaryEn: "s",
      summaryFr: "s",
      askedForEn: "a",
      askedForFr: "a",
      audienceEn: "x",
      audienceFr: "x",
      opensAt: opts.opensAt ?? new Date(Date.now() - 3_600_000),
      closesAt,
      originalClosesAt: closesAt,
      publishedAt: opts.draft ? null : new Date(Date.now() - 7_200_000),
      timeZone: "Europe/Paris",
    },
  });
  const principle = await db.clause.create({
    data: {
      consultationId: c.id,
      key: "1",
      kind: "principle",
      number: "1",
      position: 0,
      headingEn: "P",
      headingFr: "P",
      bodyEn: "Body",
      bodyFr: "Corps",
    },
  });
  await db.clause.create({
    data: {
      consultationId: c.id,
      parentId: principle.id,
      key: "1.1",
      kind: "action",
      number: "1.1",
      position: 1,
      bodyEn: "Act",
      bodyFr: "Agir",
    },
  });
  return { ...c, slug };
}

export const respondent = {
  type: "individual" as const,
  country: "FR",
  publicSector: true,
  publication: "anonymous" as const,
  privacyConsent: true as const,
};

/** A delegate of `country` as requireRole would return them. */
export async function delegate(
  country: string,
  delegationRole: "drafter" | "approver",
  name = `${delegationRole} ${country}`,
) {
  const user = await db.appUser.create({
    data: {
      email: `${uniqueSlug("d")}@example.org`,
      name,
      role: "delegate",
      country,
      delegationRole,
      passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$x$y",
    },
  });
  return { id: user.id, email: user.email, name: user.name, role: "delegate" as const, country, delegationRole };
}

/** A moderator or admin as requireRole would return them. */
export async function staff(role: "moderator" | "admin") {
  const user = await db.appUser.create({
    data: {
      email: `${uniqueSlug("s")}@example.org`,
      name: `Test ${role}`,
      role,
      passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$x$y",
    },
  });
  return { id: user.id, email: user.email, name: user.name, role, country: null, delegationRole: null };
}
