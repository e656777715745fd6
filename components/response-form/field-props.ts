import type { TFieldError } from "@/lib/forms/form-state";
import { fieldId } from "@/lib/responses/form-fields";

type TTranslate = (key: string, values?: Record<string, string | number>) => string;

/** Wires one field to its posted value and its error, translated. */
export function fieldPropsFactory(values: Record<string, string>, errors: TFieldError[], tErr: TTranslate) {
  const byName = new Map(errors.map((e) => [e.field, e]));
  const errorText = (name: string) => {
    const e = byName.get(name);
    if (!e) return undefined;
    if (e.file !== undefined) return tErr(e.key, { max: e.max ?? 0, file: e.file });
    return tErr(e.key, e.max !== undefined ? { max: e.max } : undefined);
  };
  return {
    errorText,
    field: (name: string) => ({ id: fieldId(name), name, defaultValue: values[name] ?? "", error: errorText(name) }),
  };
}

export type TFieldProps = ReturnType<typeof fieldPropsFactory>;
