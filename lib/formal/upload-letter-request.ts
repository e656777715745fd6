// POST /api/delegation/{slug}/letter: the letter form (multipart, works without
// JavaScript). Answers with a redirect back to the workspace, saying what happened.
import { currentUser } from "@/lib/auth";
import { getPublishedConsultation } from "@/lib/consultations/get-consultation";
import { isLocale } from "@/lib/i18n/routing";
import { readCapped } from "@/lib/http/read-json-body";
import { isSameOrigin } from "@/lib/http/same-origin";
import { LETTER_MAX_BYTES, storeLetter } from "./letter";

const see = (url: string) => new Response(null, { status: 303, headers: { location: url } });

export async function uploadLetterRequest(request: Request, slug: string): Promise<Response> {
  if (!isSameOrigin(request)) return new Response("Cross-site request refused.", { status: 403 });
  const url = new URL(request.url);
  const locale = isLocale(url.searchParams.get("locale")) ? url.searchParams.get("locale") : "en";
  const back = (result: string) => see(`/${locale}/delegation/${encodeURIComponent(slug)}?letter=${result}#letter`);
  // Checked first, whatever the form holds.
  const user = await currentUser();
  if (!user) return see(`/${locale}/sign-in?callbackUrl=${encodeURIComponent(`/${locale}/delegation/${slug}`)}`);
  // A hidden draft is not found, as an unknown slug (storeLetter checks publication again in its SQL).
  const consultation = await getPublishedConsultation(slug);
  if (!consultation) return new Response("Not found.", { status: 404 });
  // The boundary is case-sensitive: keep the header as sent.
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) return back("missing");
  // Room for the multipart envelope around a file of the largest size allowed.
  const body = await readCapped(request, LETTER_MAX_BYTES + 64 * 1024);
  if (!body) return back("tooLarge");
  let file: FormDataEntryValue | null;
  try {
    file = (await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData()).get("letter");
  } catch {
    return back("missing");
  }
  if (!file || typeof file === "string" || file.size === 0) return back("missing");
  const result = await storeLetter(user, consultation.id, file.name, new Uint8Array(await file.arrayBuffer()));
  if (!result.ok && result.reason === "forbidden") return new Response("Not found.", { status: 404 });
  return back(result.ok ? "uploaded" : result.reason);
}
