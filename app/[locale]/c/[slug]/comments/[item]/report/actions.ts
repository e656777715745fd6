"use server";
import { headers } from "next/headers";
import { clientIp } from "@/lib/http/client-ip";
import { formAction } from "@/lib/forms/action";
import { getPublicConsultation } from "@/lib/consultations/public-consultation";
import { ZReportComment } from "@/lib/comment-reports/schema";
import { reportComment } from "@/lib/comment-reports/report-comment";

// Public by nature (anyone who reads a published comment may report it): what authorizes is that the comment is
// public now (reportComment checks it), the same-origin check every form post gets (scripts/server.mjs, as the other
// public forms), and the limit per client address.
export const reportCommentAction = formAction(
  {
    role: "public",
    schema: ZReportComment,
    field: "reason",
    read: (_, values) => ({ reason: values.reason || undefined, details: values.details ?? "" }),
  },
  async (input, { values, fail, ok }) => {
    const c = await getPublicConsultation(values.slug ?? "");
    if (!c) return fail({ field: "reason", key: "notFound" });
    const r = await reportComment(c.id, values.item ?? "", input, { clientIp: clientIp(await headers()) });
    if (r.ok) return ok();
    if (r.reason === "rateLimited")
      return fail({ field: "reason", key: "rateLimited" }, { minutes: String(Math.ceil(r.retryAfterSeconds / 60)) });
    return fail({ field: "reason", key: "notFound" });
  },
);
