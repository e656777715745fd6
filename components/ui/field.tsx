// Label, hint and error wired together once (GOV.UK's pattern): the error sits
// between the label and the control and both are in aria-describedby.
import type { ReactNode } from "react";

type TBase = {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** For a field that may be left empty: "(optional)", after the label (its own message, so other pages can reuse the label without it). */
  optional?: string;
};

function LabelText({ label, optional }: { label: ReactNode; optional?: string }) {
  return optional ? (
    <>
      {label} <span className="font-normal">{optional}</span>
    </>
  ) : (
    label
  );
}

function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function Hint({ id, children }: { id: string; children?: ReactNode }) {
  return children ? (
    <p id={`${id}-hint`} className="text-muted mb-2">
      {children}
    </p>
  ) : null;
}

export function ErrorMessage({ id, error, prefix }: { id: string; error?: string; prefix: string }) {
  return error ? (
    <p id={`${id}-error`} className="mb-2 font-bold text-error">
      <span className="sr-only">{prefix} </span>
      {error}
    </p>
  ) : null;
}

function Group({ error, children }: { error?: string; children: ReactNode }) {
  return <div className={`mb-6 ${error ? "border-l-4 border-error pl-4" : ""}`}>{children}</div>;
}

export function TextInput(
  props: TBase & {
    defaultValue?: string;
    maxLength: number;
    type?: "text" | "email" | "password";
    autoComplete?: string;
    errorPrefix: string;
    width?: string;
  },
) {
  const { id, name, label, hint, error } = props;
  return (
    <Group error={error}>
      <label htmlFor={id} className="mb-1 block font-bold">
        <LabelText label={label} optional={props.optional} />
      </label>
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} error={error} prefix={props.errorPrefix} />
      <input
        id={id}
        name={name}
        type={props.type ?? "text"}
        defaultValue={props.defaultValue}
        maxLength={props.maxLength}
        autoComplete={props.autoComplete ?? "off"}
        spellCheck={props.type === "email" ? false : undefined}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        className={`input ${props.width ?? ""} ${error ? "input-error" : ""}`}
      />
    </Group>
  );
}

export function TextArea(
  props: TBase & { defaultValue?: string; maxLength: number; rows?: number; errorPrefix: string },
) {
  const { id, name, label, hint, error } = props;
  return (
    <Group error={error}>
      <label htmlFor={id} className="mb-1 block font-bold">
        <LabelText label={label} optional={props.optional} />
      </label>
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} error={error} prefix={props.errorPrefix} />
      <textarea
        id={id}
        name={name}
        rows={props.rows ?? 4}
        defaultValue={props.defaultValue}
        maxLength={props.maxLength}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        className={`input ${error ? "input-error" : ""}`}
      />
    </Group>
  );
}

export function Select(
  props: TBase & {
    defaultValue?: string;
    options: { value: string; label: string }[];
    placeholder: string;
    errorPrefix: string;
    autoComplete?: string;
  },
) {
  const { id, name, label, hint, error } = props;
  return (
    <Group error={error}>
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
      </label>
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} error={error} prefix={props.errorPrefix} />
      <select
        id={id}
        name={name}
        defaultValue={props.defaultValue ?? ""}
        autoComplete={props.autoComplete}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        className={`input max-w-md ${error ? "input-error" : ""}`}
      >
        <option value="">{props.placeholder}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Group>
  );
}

/** Radios in a fieldset; the first option's id is `${id}--${value}`, where an error summary links. */
export function Radios(
  props: TBase & {
    defaultValue?: string;
    options: { value: string; label: string; hint?: string }[];
    inline?: boolean;
    errorPrefix: string;
    legendClass?: string;
  },
) {
  const { id, name, label, hint, error } = props;
  return (
    <Group error={error}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend className={props.legendClass ?? "mb-1 font-bold"}>{label}</legend>
        <Hint id={id}>{hint}</Hint>
        <ErrorMessage id={id} error={error} prefix={props.errorPrefix} />
        {/* Inline options sit side by side from 640 px; on a phone one option a line, so none is pushed off screen. */}
        <div className={props.inline ? "flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:gap-x-6" : "space-y-2"}>
          {props.options.map((o) => (
            <div key={o.value} className="flex items-start gap-2">
              <input
                id={`${id}--${o.value || "none"}`}
                type="radio"
                name={name}
                value={o.value}
                defaultChecked={(props.defaultValue ?? "") === o.value}
                className="mt-1 size-6 shrink-0 accent-brand"
                aria-describedby={o.hint ? `${id}--${o.value}-hint` : undefined}
              />
              <label htmlFor={`${id}--${o.value || "none"}`}>
                {o.label}
                {o.hint ? (
                  <span id={`${id}--${o.value}-hint`} className="block text-muted">
                    {o.hint}
                  </span>
                ) : null}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </Group>
  );
}

export function Checkbox(props: TBase & { defaultChecked?: boolean; value: string; errorPrefix: string }) {
  const { id, name, label, hint, error } = props;
  return (
    <Group error={error}>
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} error={error} prefix={props.errorPrefix} />
      <div className="flex items-start gap-2">
        <input
          id={id}
          type="checkbox"
          name={name}
          value={props.value}
          defaultChecked={props.defaultChecked}
          aria-describedby={describedBy(id, hint, error)}
          aria-invalid={error ? true : undefined}
          className="mt-1 size-6 shrink-0 accent-brand"
        />
        <label htmlFor={id} className="font-bold">
          {label}
        </label>
      </div>
    </Group>
  );
}
