import type { Prisma } from "@/lib/generated/prisma/client";
import type { TCheckedAttachment } from "./check-attachments";

/**
 * A response's files, in its transaction (lib/responses/submit-response.ts; a change through the private link adds
 * them after those it keeps, from position `from`), in the order they were sent.
 */
export async function storeAttachmentsIn(
  tx: Prisma.TransactionClient,
  responseId: string,
  files: TCheckedAttachment[],
  from = 0,
) {
  await tx.responseAttachment.createMany({
    data: files.map((f, position) => ({
      responseId,
      position: from + position,
      fileName: f.fileName,
      mediaType: f.mediaType,
      size: f.size,
      sha256: f.sha256,
      content: Buffer.from(f.content),
    })),
  });
}
