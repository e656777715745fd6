// The request bodies of bench:ingest: the JSON API's (pre-serialised once; each
// request only splices in its idempotency key) and the web form's, as a browser
// without JavaScript posts it. Content-Length is left to the sender.
import http from "node:http";
import { randomBytes } from "node:crypto";

export const ITEMS_PER_RESPONSE = 7; // 2 clauses × (clarity, language, feasibility) + the general comment
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Pre-serialised once; each request only splices in its idempotency key.
const KEY_MARK = "__BENCH_IDEMPOTENCY_KEY__";
const TEMPLATE = JSON.stringify({
  idempotencyKey: KEY_MARK,
  feedback: [
    {
      clause: "1.1",
      clarity: {
        rating: 3,
        comment:
          "La définition est compréhensible, mais « information du secteur public » devrait préciser si les données produites par des délégataires de service public sont incluses.",
      },
      language: {
        term: "information du secteur public",
        proposedWording:
          "toute information détenue par un organisme du secteur public ou par une personne chargée d'une mission de service public, quel que soit son support",
        reason: "Aligner la définition sur celle de la directive (UE) 2019/1024 et éviter les lectures restrictives.",
      },
      feasibility: {
        rating: 4,
        countryContext:
          "En France, le code des relations entre le public et l'administration couvre déjà l'essentiel de ce périmètre.",
        comment:
          "Applicable sans changement législatif majeur ; un guide d'interprétation serait utile aux collectivités.",
      },
    },
    {
      clause: "2.1",
      clarity: {
        rating: 2,
        comment: "Le délai de mise à disposition n'est pas indiqué : « sans retard injustifié » reste flou.",
      },
      language: {
        term: "sans retard injustifié",
        proposedWording: "dans un délai d'un mois à compter de la demande",
        reason: "Un délai chiffré facilite le contrôle et l'égalité de traitement entre demandeurs.",
      },
      feasibility: {
        rating: 3,
        countryContext: "Les petites communes disposent rarement d'un agent dédié à la diffusion des données.",
        comment: "Prévoir une mutualisation au niveau intercommunal et un accompagnement financier.",
      },
    },
  ],
  generalComment:
    "Nous soutenons l'objectif général du texte. Nos remarques portent surtout sur la précision des définitions et sur les moyens nécessaires aux administrations de petite taille.",
  respondent: {
    type: "organisation",
    country: "FR",
    organisationName: "Association des administrateurs territoriaux de données",
    publicSector: true,
    publication: "anonymous",
    privacyConsent: true,
  },
});
const [BODY_PREFIX, BODY_SUFFIX] = TEMPLATE.split(KEY_MARK);
export const BODY_FIXED_BYTES = Buffer.byteLength(BODY_PREFIX) + Buffer.byteLength(BODY_SUFFIX);
export const jsonPayload = (key) => ({
  body: BODY_PREFIX + key + BODY_SUFFIX,
  headers: { "content-type": "application/json" },
});

// The same response as the web form posts it without JavaScript: multipart, the form's field names, and
// the hidden fields of the page (the Server Action's reference among them), read from the page once.
function formFields(input) {
  const fields = [];
  const aspects = {
    clarity: ["rating", "comment"],
    language: ["term", "proposedWording", "reason"],
    feasibility: ["rating", "countryContext", "comment"],
  };
  for (const f of input.feedback) {
    for (const [aspect, names] of Object.entries(aspects)) {
      for (const name of names)
        if (f[aspect]?.[name] !== undefined) fields.push([`c:${f.clause}:${aspect}:${name}`, String(f[aspect][name])]);
    }
  }
  fields.push(["generalComment", input.generalComment]);
  const yesNo = (v) => (v === true ? "yes" : v === false ? "no" : v);
  for (const [name, value] of Object.entries(input.respondent)) fields.push([name, String(yesNo(value))]);
  return fields;
}

const decodeHtml = (text) =>
  text.replace(
    /&(quot|amp|lt|gt|#39|#x27);/g,
    (_, e) => ({ quot: '"', amp: "&", lt: "<", gt: ">", "#39": "'", "#x27": "'" })[e],
  );

/** The hidden inputs of the page's response form (the one with an idempotency key). */
function hiddenFields(html, formPath) {
  const form = html.split("<form").find((part) => part.includes('name="idempotencyKey"'));
  if (!form) throw new Error(`${formPath}: no response form (no idempotencyKey field) in the page`);
  const fields = [];
  for (const [tag] of form.split("</form>")[0].matchAll(/<input\b[^>]*>/g)) {
    const attr = (n) => new RegExp(`\\s${n}="([^"]*)"`).exec(tag)?.[1];
    if (attr("type") !== "hidden" || !attr("name")) continue;
    fields.push([decodeHtml(attr("name")), decodeHtml(attr("value") ?? "")]);
  }
  return fields;
}

const getText = (host, port, urlPath) =>
  new Promise((resolve, reject) => {
    http
      .get({ host, port, path: urlPath, agent: false }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (text += c));
        res.on("end", () =>
          resolve({ status: res.statusCode, retryAfter: Number(res.headers["retry-after"] ?? 1), text }),
        );
      })
      .on("error", reject);
  });

/** The form's payload maker: reads the page once (its hidden fields, the Server Action's reference among them). */
export async function formPayloadMaker(host, port, formPath) {
  let page = await getText(host, port, formPath);
  // A server just started may still be busy loading its code: it says when to come back.
  for (let i = 0; i < 10 && page.status === 503; i++) {
    await sleep(page.retryAfter * 1000);
    page = await getText(host, port, formPath);
  }
  if (page.status !== 200) throw new Error(`GET ${formPath}: ${page.status}`);
  const html = page.text;
  const fields = [
    ...hiddenFields(html, formPath).filter(([name]) => name !== "idempotencyKey"),
    ...formFields(JSON.parse(TEMPLATE)),
  ];
  const boundary = "----bench" + randomBytes(8).toString("hex");
  const part = (name, value) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const [prefix, suffix] = (
    fields.map(([n, v]) => part(n, v)).join("") +
    part("idempotencyKey", KEY_MARK) +
    `--${boundary}--\r\n`
  ).split(KEY_MARK);
  const origin = `http://${host}:${port}`;
  return (key) => ({
    body: prefix + key + suffix,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}`, origin },
  });
}
