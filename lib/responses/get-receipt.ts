import { db } from "@/lib/db";
import { receiptJob } from "./deliver-receipts";
import { isReceiptKey } from "./receipt-key";

export type TReceipt = NonNullable<Awaited<ReturnType<typeof findReceipt>>> & {
  receiptJob: Awaited<ReturnType<typeof receiptJob>>;
};

function findReceipt(reference: string) {
  return db.response.findUnique({
    where: { reference },
    include: {
      consultation: { select: { slug: true } },
      feedbackItems: {
        orderBy: { position: "asc" },
        include: { clause: { select: { key: true, number: true, kind: true } } },
      },
      // The files stored with it (never their content): the receipt lists each one's name, size and SHA-256.
      attachments: { orderBy: { position: "asc" }, select: { fileName: true, size: true, sha256: true } },
    },
  });
}

/** The stored response behind a receipt link, or null when the reference or its key is wrong. */
export async function getReceipt(slug: string, reference: string, key: unknown): Promise<TReceipt | null> {
  if (typeof reference !== "string" || !/^[A-Z0-9]{2,12}-\d{4}-\d{6,}$/.test(reference)) return null;
  if (!isReceiptKey(reference, key)) return null;
  const receipt = await findReceipt(reference);
  if (!receipt || receipt.consultation.slug !== slug) return null;
  // Still queued: the email receipt is on its way (or was given up); gone: sent (receipt-next-steps.ts).
  return { ...receipt, receiptJob: await receiptJob(receipt.id) };
}
