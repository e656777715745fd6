import type { Prisma } from "@/lib/generated/prisma/client";
import type { TCheckedAttachment } from "./check-attachments";

/** A new response's files, in its transaction (lib/responses/submit-response.ts), in the order they were sent. */
export async function storeAttachmentsIn(
  tx: Prisma.TransactionClient,
  responseId: string,
  files: TCheckedAttachment[],
) {
  await tx.responseAttachment.createMany({
    data: files.map((f, position) => ({
      responseId,
      position,
      fileName: f.fileName,
      mediaType: f.mediaType,
      size: f.size,
      sha256: f.sha256,
      content: Buffer.from(f.content),
    })),
  });
}
