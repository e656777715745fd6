// A stored response, as the response form's fields (the inverse of form-data.ts),
// so the private link opens the form with what was sent.
import { clauseFieldName } from "./form-fields";
import type { TFormValues } from "./form-data";

type TStored = {
  respondentType: string;
  country: string;
  organisationName: string | null;
  respondentName: string | null;
  publicSector: boolean;
  email: string | null;
  publication: string;
  notifyResults?: boolean;
  feedbackItems: {
    aspect: string;
    clause: { key: string } | null;
    rating: number | null;
    comment: string | null;
    term: string | null;
    proposedWording: string | null;
    countryContext: string | null;
  }[];
};

export function responseFormValues(r: TStored): TFormValues {
  const v: TFormValues = {
    type: r.respondentType,
    country: r.country,
    publicSector: r.publicSector ? "yes" : "no",
    publication: r.publication,
    privacyConsent: "yes",
  };
  if (r.organisationName) v.organisationName = r.organisationName;
  if (r.respondentName) v.name = r.respondentName;
  if (r.email) v.email = r.email;
  if (r.notifyResults) v.notifyResults = "yes";
  const set = (key: string, aspect: string, field: string, value: string | number | null) => {
    if (value !== null && value !== "") v[clauseFieldName(key, aspect, field)] = String(value);
  };
  for (const i of r.feedbackItems) {
    if (i.aspect === "general") {
      if (i.comment) v.generalComment = i.comment;
      continue;
    }
    const key = i.clause?.key;
    if (!key) continue;
    if (i.aspect === "clarity") {
      set(key, "clarity", "rating", i.rating);
      set(key, "clarity", "comment", i.comment);
    } else if (i.aspect === "language") {
      set(key, "language", "term", i.term);
      set(key, "language", "proposedWording", i.proposedWording);
      set(key, "language", "reason", i.comment);
    } else if (i.aspect === "feasibility") {
      set(key, "feasibility", "rating", i.rating);
      set(key, "feasibility", "countryContext", i.countryContext);
      set(key, "feasibility", "comment", i.comment);
    }
  }
  return v;
}
