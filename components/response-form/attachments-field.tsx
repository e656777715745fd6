// The response form's file field: a plain <input type="file" multiple>, posted with the form (React sends a form
// with a Server Action as multipart/form-data, with JavaScript or without). Its texts come translated from the
// page (the form's client messages stay as they were); an error names the file, filled in here by hand.
import { ErrorMessage, Hint } from "@/components/ui/field";
import { fieldId } from "@/lib/responses/form-fields";
import { ACCEPTED_FILES } from "@/lib/attachments/accepted-files";

export type TAttachmentTexts = {
  label: string;
  optional: string;
  hint: string;
  chooseAgain: string;
  /** The error messages as written, with {max} and {file} to fill in. */
  errors: Record<string, string>;
};

/** An "attachments.*" error key's message, filled in; undefined for other keys. */
export function attachmentErrorText(
  texts: TAttachmentTexts | undefined,
  key: string,
  values?: Record<string, string | number>,
): string | undefined {
  if (!texts || !key.startsWith("attachments.")) return undefined;
  const raw = texts.errors[key.slice("attachments.".length)] ?? key;
  return raw.replace(/\{(max|file)\}/g, (_, name: string) => String(values?.[name] ?? ""));
}

export function AttachmentsField(p: {
  texts: TAttachmentTexts;
  error?: string;
  errorPrefix: string;
  /** The form came back with a problem: chosen files are not kept, say so. */
  cameBack: boolean;
}) {
  const id = fieldId("attachments");
  const hint = p.cameBack ? `${p.texts.hint} ${p.texts.chooseAgain}` : p.texts.hint;
  return (
    <div className={`mt-6 mb-6 ${p.error ? "border-l-4 border-error pl-4" : ""}`}>
      <label htmlFor={id} className="mb-1 block font-bold">
        {p.texts.label} <span className="font-normal">{p.texts.optional}</span>
      </label>
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} error={p.error} prefix={p.errorPrefix} />
      <input
        id={id}
        name="attachments"
        type="file"
        multiple
        accept={ACCEPTED_FILES}
        aria-describedby={`${id}-hint${p.error ? ` ${id}-error` : ""}`}
        aria-invalid={p.error ? true : undefined}
        className="block max-w-full"
      />
    </div>
  );
}
