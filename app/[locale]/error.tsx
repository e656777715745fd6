"use client";
import { useErrorTexts } from "@/components/error-texts";

// Unexpected errors: a calm message, never the details (they are in the server log).
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useErrorTexts();
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t.title}</h1>
      <p className="mb-4">{t.body}</p>
      <button type="button" onClick={reset} className="bg-brand px-4 py-2 font-bold text-white">
        {t.retry}
      </button>
    </>
  );
}
