import { z } from "zod";

/** The Retry button's form: the failed job's id (graphile-worker's bigint, as digits). */
export const ZRetryJob = z.object({ id: z.string().regex(/^\d{1,18}$/, "jobNotFound") });
