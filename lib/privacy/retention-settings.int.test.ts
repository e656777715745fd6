import { describe, expect, it } from "vitest";
import { createConsultation } from "@/test/db-fixtures";
import { getRetentionDays, listRetentionSettings, setRetention } from "./retention-settings";

describe("retention settings", () => {
  it("are set only for the consultation the form named by id and slug together, and read back", async () => {
    const c = await createConsultation();
    expect(await setRetention(c.id, c.slug, 30, true)).toBe(true);
    expect(await getRetentionDays(c.id)).toBe(30);
    expect((await listRetentionSettings()).find((r) => r.id === c.id)).toMatchObject({
      slug: c.slug,
      retentionDays: 30,
      publishFormal: true,
    });
    const other = await createConsultation();
    expect(await setRetention(c.id, other.slug, 5, false)).toBe(false);
    expect(await setRetention("not-a-uuid", c.slug, 5, false)).toBe(false);
    expect(await getRetentionDays(c.id)).toBe(30);
    expect(await setRetention(c.id, c.slug, null, false)).toBe(true);
    expect(await getRetentionDays(c.id)).toBeNull();
  });
});
