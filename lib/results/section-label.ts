// A results section's names in the reader's language: "Action 1.1", "Principle 2: Title" (principle
// titles kept), "General comments on the whole draft"; and its address on the page and on its own pages.
import { clauseLabel } from "@/lib/consultations/clause-label";
import type { TSectionResult } from "./build-results";

type TConsultationT = (key: "preamble" | "principle" | "action", values?: { number: string }) => string;
type TResultsT = (key: "general" | "clauseTitle", values?: { label: string; heading: string }) => string;

/** The general comments' address segment: clause keys are numbers or "preamble", never this. */
export const GENERAL_KEY = "general";

export function sectionLabel(s: TSectionResult, tc: TConsultationT, tr: TResultsT): string {
  return s.kind ? clauseLabel({ kind: s.kind, number: s.number }, tc) : tr("general");
}

export function sectionTitle(s: TSectionResult, locale: "en" | "fr", tc: TConsultationT, tr: TResultsT): string {
  const label = sectionLabel(s, tc, tr);
  const heading = s.heading?.[locale];
  return heading && s.kind !== "preamble" ? tr("clauseTitle", { label, heading }) : label;
}

export const sectionSegment = (s: Pick<TSectionResult, "key">) => s.key ?? GENERAL_KEY;
export const sectionAnchor = (s: Pick<TSectionResult, "key">) => `r-${sectionSegment(s)}`;
