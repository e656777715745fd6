"use client";
// One clause's feedback: clarity, language, feasibility. A <details> so the
// long draft stays scannable; it opens when it holds text or an error. Its
// summary gives the clause's label and first line, so a person can choose
// without opening each.
import { Radios, TextArea, TextInput } from "@/components/ui/field";
import { ErrorMessage } from "@/components/ui/field";
import { ClauseBody } from "@/components/clause-body";
import { clauseFieldName, clauseGroupId } from "@/lib/responses/form-fields";
import { LIMITS } from "@/lib/responses/limits";
import type { TFieldProps } from "./field-props";

export type TFormClause = { key: string; label: string; title: string; body: string; excerpt: string };

/**
 * What every clause section says, translated once for the whole form (24 sections would otherwise format
 * the same ~25 messages each, which is most of the form's hydration time on a phone). From useClauseTexts().
 */
export type TClauseTexts = {
  open: (title: string) => string;
  /** The button that shows a clause's questions without JavaScript (a post that keeps what was typed). */
  showQuestions: string;
  hasFeedback: string;
  optional: string;
  errorPrefix: string;
  clarity: string;
  clarityHint: string;
  clarityRating: string;
  clarityComment: string;
  language: string;
  languageHint: string;
  term: string;
  proposedWording: string;
  reason: string;
  feasibility: string;
  feasibilityHint: string;
  feasibilityRating: string;
  countryContext: string;
  feasibilityComment: string;
  clarityScale: { value: string; label: string }[];
  feasibilityScale: { value: string; label: string }[];
};

/**
 * A clause's questions are in the page only once the person chose the clause (`active`: opened it, came from its
 * link, or wrote in it): 24 clauses' ~2,300 fields at once made the form too slow to start on a phone (issue 12).
 * Until then its <details> holds a button that shows them: with JavaScript, opening the clause is enough
 * (`onOpen`); without, the button posts the form, which comes back with what was typed and this clause's questions.
 */
export function ClauseFeedback({
  clause,
  open,
  active,
  onOpen,
  f,
  hasValues,
  x,
}: {
  clause: TFormClause;
  open: boolean;
  active: boolean;
  onOpen: (key: string) => void;
  f: TFieldProps;
  hasValues: boolean;
  x: TClauseTexts;
}) {
  return (
    <details
      id={clauseGroupId(clause.key)}
      open={open || undefined}
      className="mb-4 border-2 border-line"
      data-clause={clause.key}
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open && !active) onOpen(clause.key);
      }}
    >
      <summary className="bg-panel p-3">
        <span className="font-bold">{x.open(clause.title)}</span>
        {hasValues ? <span className="ml-2 text-muted">{x.hasFeedback}</span> : null}
        <span className="mt-1 block max-w-prose break-words">{clause.excerpt}</span>
      </summary>
      {active ? (
        <ClauseQuestions clause={clause} f={f} x={x} />
      ) : (
        <div className="p-4">
          <button
            type="submit"
            name="addClause"
            value={clause.key}
            formNoValidate
            className="border-2 border-brand bg-white px-4 py-2 font-bold text-brand"
          >
            {x.showQuestions}
          </button>
        </div>
      )}
    </details>
  );
}

function ClauseQuestions({ clause, f, x }: { clause: TFormClause; f: TFieldProps; x: TClauseTexts }) {
  const name = (aspect: string, field: string) => clauseFieldName(clause.key, aspect, field);
  const groupError = f.errorText(`c:${clause.key}`);
  const prefix = x.errorPrefix;
  return (
    <div className="p-4" id={`clause-${clause.key}`}>
      <ClauseBody text={clause.body} className="mb-4 border-l-4 border-line pl-4 text-muted" />
      <ErrorMessage id={clauseGroupId(clause.key)} error={groupError} prefix={prefix} />

      <fieldset className="mb-6">
        <legend className="mb-2 text-xl font-bold">{x.clarity}</legend>
        <p className="mb-3 text-muted">{x.clarityHint}</p>
        <Radios
          {...f.field(name("clarity", "rating"))}
          label={x.clarityRating}
          inline
          errorPrefix={prefix}
          options={x.clarityScale}
        />
        <TextArea
          {...f.field(name("clarity", "comment"))}
          label={x.clarityComment}
          optional={x.optional}
          maxLength={LIMITS.comment}
          errorPrefix={prefix}
        />
      </fieldset>

      <fieldset className="mb-6">
        <legend className="mb-2 text-xl font-bold">{x.language}</legend>
        <p className="mb-3 text-muted">{x.languageHint}</p>
        <TextInput {...f.field(name("language", "term"))} label={x.term} maxLength={LIMITS.term} errorPrefix={prefix} />
        <TextArea
          {...f.field(name("language", "proposedWording"))}
          label={x.proposedWording}
          rows={2}
          maxLength={LIMITS.proposedWording}
          errorPrefix={prefix}
        />
        <TextArea
          {...f.field(name("language", "reason"))}
          label={x.reason}
          rows={3}
          maxLength={LIMITS.comment}
          errorPrefix={prefix}
        />
      </fieldset>

      <fieldset>
        <legend className="mb-2 text-xl font-bold">{x.feasibility}</legend>
        <p className="mb-3 text-muted">{x.feasibilityHint}</p>
        <Radios
          {...f.field(name("feasibility", "rating"))}
          label={x.feasibilityRating}
          inline
          errorPrefix={prefix}
          options={x.feasibilityScale}
        />
        <TextArea
          {...f.field(name("feasibility", "countryContext"))}
          label={x.countryContext}
          optional={x.optional}
          rows={2}
          maxLength={LIMITS.countryContext}
          errorPrefix={prefix}
        />
        <TextArea
          {...f.field(name("feasibility", "comment"))}
          label={x.feasibilityComment}
          optional={x.optional}
          maxLength={LIMITS.comment}
          errorPrefix={prefix}
        />
      </fieldset>
    </div>
  );
}
