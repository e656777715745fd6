"use client";
// The texts of the error page (app/[locale]/error.tsx, a client component), handed down by the layout
// from next-intl's messages: the public pages then need no translation library in the browser.
import { createContext, useContext, type ReactNode } from "react";

export type TErrorTexts = { title: string; body: string; retry: string };

const ErrorTexts = createContext<TErrorTexts>({ title: "", body: "", retry: "" });

export function ErrorTextsProvider({ texts, children }: { texts: TErrorTexts; children: ReactNode }) {
  return <ErrorTexts.Provider value={texts}>{children}</ErrorTexts.Provider>;
}

export const useErrorTexts = () => useContext(ErrorTexts);
