// The private link's side: find a response by its token, change it (the old
// content is kept as a version) or withdraw it, until the deadline.
import { announcedWhenOk } from "@/lib/consultations/cache-bus";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { getPublishedConsultation } from "@/lib/consultations/get-consultation";
import { hashToken, isToken } from "@/lib/security/token";
import type { TIssue, TResponseInput } from "./schema";
import { toItems, type TItem } from "./submit-response";
import { withLanguages } from "./text-language";
import { writeItemsIn } from "./write-responses";
import type { TFieldError } from "@/lib/forms/form-state";
import { planAttachmentChangeIn, type TAttachmentChange } from "@/lib/attachments/change-attachments";
import { attachmentLimits } from "@/lib/attachments/limits";

export async function findManaged(token: unknown) {
  if (!isToken(token)) return null;
  return db.response.findUnique({
    where: { manageTokenHash: hashToken(token) },
    include: {
      consultation: { select: { slug: true, closesAt: true, timeZone: true } },
      feedbackItems: { orderBy: { position: "asc" }, include: { clause: { select: { key: true } } } },
      versions: { orderBy: { at: "desc" }, select: { version: true, kind: true, at: true } },
      attachments: { orderBy: { position: "asc" }, select: { id: true, fileName: true, size: true } },
    },
  });
}
export type TManaged = NonNullable<Awaited<ReturnType<typeof findManaged>>>;

export type TManageResult =
  | { ok: true; reference: string }
  | { ok: false; reason: "unknown" | "closed" | "withdrawn" }
  | { ok: false; reason: "invalid"; issues: TIssue[] }
  /** The files kept and added are more, or larger in all, than the limits allow (checked on the locked response). */
  | { ok: false; reason: "files"; error: TFieldError };

type TLocked = {
  id: string;
  version: number;
  withdrawn_at: Date | null;
  closes_at: Date;
  reference: string;
  consultation_id: string;
  locale: string;
};

async function lock(tx: Pick<typeof db, "$queryRaw">, token: string): Promise<TLocked | undefined> {
  const rows = await tx.$queryRaw<TLocked[]>`
    SELECT r.id, r.version, r.withdrawn_at, c.closes_at, r.reference, r.consultation_id, r.locale FROM response r JOIN consultation c ON c.id = r.consultation_id
    WHERE r.manage_token_hash = ${hashToken(token)} FOR UPDATE OF r`;
  return rows[0];
}

/** The response as it stands, for the version history (personal data included: it is the respondent's own record). */
async function snapshot(tx: Pick<typeof db, "response">, id: string) {
  const r = await tx.response.findUniqueOrThrow({
    where: { id },
    select: {
      respondentType: true,
      country: true,
      organisationName: true,
      respondentName: true,
      publicSector: true,
      email: true,
      publication: true,
      // The files' names and hashes, never their content: a removed file is deleted, not kept in a version.
      attachments: { orderBy: { position: "asc" }, select: { fileName: true, size: true, sha256: true } },
      feedbackItems: {
        orderBy: { position: "asc" },
        select: {
          clauseId: true,
          aspect: true,
          rating: true,
          comment: true,
          term: true,
          proposedWording: true,
          countryContext: true,
        },
      },
    },
  });
  return JSON.parse(JSON.stringify(r));
}

const sameContent = (a: Omit<TItem, "position">, b: Omit<TItem, "position">) =>
  a.clause_id === b.clause_id &&
  a.aspect === b.aspect &&
  a.rating === b.rating &&
  a.comment === b.comment &&
  a.term === b.term &&
  a.proposed_wording === b.proposed_wording &&
  a.country_context === b.country_context;

/** `files`: the files removed and added (lib/attachments/change-attachments.ts); none: the files stay as they are. */
export async function changeResponse(
  token: unknown,
  slug: string,
  input: TResponseInput,
  files: TAttachmentChange = { remove: [], add: [] },
): Promise<TManageResult> {
  if (!isToken(token)) return { ok: false, reason: "unknown" };
  const consultation = await getPublishedConsultation(slug);
  if (!consultation) return { ok: false, reason: "unknown" };
  const clauseIds = new Map(consultation.clauses.map((c) => [c.key, c.id]));
  const issues: TIssue[] = input.feedback.flatMap((f, i) =>
    clauseIds.has(f.clause) ? [] : [{ path: ["feedback", i, "clause"], key: "unknownClause" as const }],
  );
  if (issues.length) return { ok: false, reason: "invalid", issues };
  const items = toItems(input, clauseIds);
  const at = now();
  return announcedWhenOk(
    db.$transaction(async (tx) => {
      const r = await lock(tx, token);
      if (!r || r.consultation_id !== consultation.id) return { ok: false, reason: "unknown" } as const;
      if (r.withdrawn_at) return { ok: false, reason: "withdrawn" } as const;
      if (at >= r.closes_at) return { ok: false, reason: "closed" } as const;
      const attachments = await planAttachmentChangeIn(tx, r.id, files, attachmentLimits());
      if (!attachments.ok) return { ok: false, reason: "files", error: attachments.error } as const;
      await tx.responseVersion.create({
        data: { responseId: r.id, version: r.version, kind: "changed", content: await snapshot(tx, r.id), at },
      });
      await attachments.apply();
      const p = input.respondent;
      await tx.response.update({
        where: { id: r.id },
        data: {
          respondentType: p.type,
          country: p.country,
          organisationName: p.organisationName ?? null,
          respondentName: p.name ?? null,
          publicSector: p.publicSector,
          email: p.email ?? null,
          publication: p.publication,
          notifyResults: !!p.notifyResults && !!p.email,
          privacyConsentAt: at,
          version: r.version + 1,
        },
      });
      // Items whose content is unchanged keep their id and their triage; the rest are replaced.
      const existing = await tx.$queryRaw<(TItem & { id: string })[]>`
      SELECT id, clause_id, aspect::text AS aspect, position, rating, comment, term, proposed_wording, country_context
      FROM feedback_item WHERE response_id = ${r.id}::uuid ORDER BY position`;
      const kept = new Map<number, string>();
      const free = [...existing];
      items.forEach((item, i) => {
        const j = free.findIndex((e) => sameContent(e, item));
        if (j >= 0) kept.set(i, free.splice(j, 1)[0].id);
      });
      if (free.length) await tx.feedbackItem.deleteMany({ where: { id: { in: free.map((f) => f.id) } } });
      await tx.$executeRaw`UPDATE feedback_item SET position = position + 100000 WHERE response_id = ${r.id}::uuid`;
      for (const [i, id] of kept) await tx.feedbackItem.update({ where: { id }, data: { position: i } });
      // New items are written as a new response's are (language, clause version, search), by the same INSERT.
      await writeItemsIn(
        tx,
        r.id,
        withLanguages(items, r.locale === "fr" ? "fr" : "en").filter((_, i) => !kept.has(i)),
      );
      return { ok: true, reference: r.reference } as const;
    }),
  );
}

/** Withdrawn: out of every count and export from now on; the withdrawal itself is logged as a version. */
export async function withdrawResponse(token: unknown): Promise<TManageResult> {
  if (!isToken(token)) return { ok: false, reason: "unknown" };
  const at = now();
  return announcedWhenOk(
    db.$transaction(async (tx) => {
      const r = await lock(tx, token);
      if (!r) return { ok: false, reason: "unknown" } as const;
      if (r.withdrawn_at) return { ok: false, reason: "withdrawn" } as const;
      if (at >= r.closes_at) return { ok: false, reason: "closed" } as const;
      await tx.responseVersion.create({
        data: { responseId: r.id, version: r.version, kind: "withdrawn", content: await snapshot(tx, r.id), at },
      });
      await tx.response.update({ where: { id: r.id }, data: { withdrawnAt: at } });
      return { ok: true, reference: r.reference } as const;
    }),
  );
}
