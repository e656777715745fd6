import type { TFieldError } from "./form-fields";
import type { TFormValues } from "./form-data";

/** What the response form's Server Action returns when it does not redirect to the receipt. */
export type TFormState = {
  /** "added": the no-JavaScript button showed a clause's questions; nothing was checked or stored. */
  status: "idle" | "added" | "invalid" | "closed" | "upcoming" | "rate_limited" | "busy" | "error";
  errors: TFieldError[];
  values: TFormValues;
  /** For "closed" and "upcoming": the instant, ISO 8601. */
  at?: string;
  /** Changes with every answer, so the form re-renders from `values`. */
  nonce: number;
};

export const INITIAL_FORM_STATE: TFormState = { status: "idle", errors: [], values: {}, nonce: 0 };
