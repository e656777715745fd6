// The response form's file field: a plain <input type="file" multiple>, posted with the form (React sends a form
// with a Server Action as multipart/form-data, with JavaScript or without). Its texts come translated from the
// page (the form's client messages stay as they were); an error names the file, filled in here by hand.
import { ErrorMessage, Hint } from "@/components/ui/field";
import { fieldId } from "@/lib/responses/form-fields";
import { ACCEPTED_FILES } from "@/lib/attachments/accepted-files";
import { removeFieldName } from "@/lib/attachments/remove-field";

export type TAttachmentTexts = {
  label: string;
  optional: string;
  hint: string;
  chooseAgain: string;
  /** The error messages as written, with {max} and {file} to fill in. */
  errors: Record<string, string>;
  /** New files may be chosen (ATTACHMENT_MAX_FILES > 0); false: only stored files are shown. */
  canAdd?: boolean;
  /** Changing a stored response (the private link): its files, each with a box that removes it. */
  stored?: { legend: string; hint: string; files: { id: string; label: string }[] };
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
  /** The form's values: a stored file's box stays ticked when the form comes back. */
  values?: Record<string, string>;
}) {
  const id = fieldId("attachments");
  const hint = p.cameBack ? `${p.texts.hint} ${p.texts.chooseAgain}` : p.texts.hint;
  const stored = p.texts.stored;
  return (
    <>
      {stored ? (
        <fieldset className="mt-6" aria-describedby="stored-files-hint">
          <legend className="mb-1 font-bold">{stored.legend}</legend>
          <p id="stored-files-hint" className="mb-2 text-muted">
            {stored.hint}
          </p>
          <ul className="space-y-2">
            {stored.files.map((f) => (
              <li key={f.id} className="flex items-start gap-2" data-testid="stored-file">
                <input
                  id={`remove-${f.id}`}
                  type="checkbox"
                  name={removeFieldName(f.id)}
                  value="yes"
                  defaultChecked={p.values?.[removeFieldName(f.id)] === "yes"}
                  className="mt-1 size-6 shrink-0 accent-brand"
                />
                <label htmlFor={`remove-${f.id}`} className="break-all">
                  {f.label}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      {p.texts.canAdd === false ? null : <FileInput id={id} hint={hint} {...p} />}
    </>
  );
}

function FileInput({ id, hint, ...p }: Parameters<typeof AttachmentsField>[0] & { id: string; hint: string }) {
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
