// GET /api/moderate/consultations/{slug}/export?format=csv|jsonl&<the queue's filters>
//     …/export?what=audit&format=csv|jsonl: the audit log of the consultation's items
// Moderators only; every export is logged (who, when, which filter, how many rows).
import { Readable } from "node:stream";
import { AccessDenied, requireRole } from "@/lib/auth";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { getConsultationFor } from "@/lib/consultations/get-consultation";
import { exportStream } from "./export-feedback";
import { filterWhere, parseQueueFilter, type TQueueFilter } from "./queue-filter";

async function countFiltered(consultationId: string, filter: TQueueFilter): Promise<number> {
  const where = filterWhere(consultationId, filter);
  const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT count(*) AS n FROM feedback_item fi JOIN response r ON r.id = fi.response_id LEFT JOIN clause c ON c.id = fi.clause_id WHERE ${where.sql}`,
    ...where.params,
  );
  return Number(rows[0].n);
}

export async function exportRequest(request: Request, slug: string): Promise<Response> {
  let user;
  try {
    user = await requireRole("moderator");
  } catch (e) {
    if (e instanceof AccessDenied) return Response.json({ error: { code: e.status === 401 ? "unauthenticated" : "forbidden", message: e.message } }, { status: e.status });
    throw e;
  }
  // A hidden draft: admins only; a moderator is answered as for an unknown slug.
  const c = await getConsultationFor(user, slug);
  if (!c) return Response.json({ error: { code: "not_found", message: "No consultation has this slug." } }, { status: 404 });

  const url = new URL(request.url);
  const format = url.searchParams.get("format") ?? "csv";
  if (format !== "csv" && format !== "jsonl") return Response.json({ error: { code: "invalid", message: "format is csv or jsonl" } }, { status: 400 });
  // The queue's filters, from the same URL parameters (values that do not parse are ignored, as in the queue).
  const kind = url.searchParams.get("what") === "audit" ? "audit" : "feedback";
  const filter = kind === "audit" ? {} : parseQueueFilter(url.searchParams);
  if (filter.clause && !c.clauses.some((k) => k.key === filter.clause)) {
    return Response.json({ error: { code: "invalid", message: "unknown clause" } }, { status: 400 });
  }

  // The number of rows to come, so the page can show the download's progress.
  const rowCount = kind === "audit" ? null : await countFiltered(c.id, filter);
  const event = await db.exportEvent.create({ data: { userId: user.id, consultationId: c.id, format, filter: { ...filter, what: kind } } });
  const { stream, done } = exportStream(c.id, filter, format, kind);
  done
    .then((rowCount) => db.exportEvent.update({ where: { id: event.id }, data: { finishedAt: now(), rowCount } }))
    .catch((err) => console.error(`[export] ${event.id} failed:`, err?.message ?? err));

  const stamp = now().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "Content-Disposition": `attachment; filename="${c.slug}-${kind}-${stamp}.${format}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      ...(rowCount === null ? {} : { "X-Row-Count": String(rowCount) }),
    },
  });
}
