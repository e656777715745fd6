"use client";
import { useEffect } from "react";
import { clearDraft } from "./response-form/draft-storage";

/** On the receipt: the response is stored, so the browser's copy can go. */
export function ClearDraft({ slug }: { slug: string }) {
  useEffect(() => clearDraft(slug), [slug]);
  return null;
}
