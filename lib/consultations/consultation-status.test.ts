import { describe, it, expect } from "vitest";
import { consultationStatus } from "./consultation-status";

const c = { opensAt: new Date("2030-03-01T09:00:00Z"), closesAt: new Date("2030-04-01T17:00:00Z") };
const at = (ms: number) => new Date(ms);

describe("consultationStatus", () => {
  it("is upcoming before opensAt", () => {
    expect(consultationStatus(c, at(c.opensAt.getTime() - 1))).toBe("upcoming");
    expect(consultationStatus(c, new Date("2029-01-01T00:00:00Z"))).toBe("upcoming");
  });

  it("is open from opensAt inclusive", () => {
    expect(consultationStatus(c, at(c.opensAt.getTime()))).toBe("open");
    expect(consultationStatus(c, at(c.opensAt.getTime() + 1))).toBe("open");
    expect(consultationStatus(c, new Date("2030-03-15T12:00:00Z"))).toBe("open");
  });

  it("is still open a millisecond before closesAt", () => {
    expect(consultationStatus(c, at(c.closesAt.getTime() - 1))).toBe("open");
  });

  it("is closed from closesAt inclusive", () => {
    expect(consultationStatus(c, at(c.closesAt.getTime()))).toBe("closed");
    expect(consultationStatus(c, at(c.closesAt.getTime() + 1))).toBe("closed");
    expect(consultationStatus(c, new Date("2031-01-01T00:00:00Z"))).toBe("closed");
  });

  it("compares instants, whatever the offset they were written with", () => {
    expect(consultationStatus(c, new Date("2030-04-01T19:00:00+02:00"))).toBe("closed");
    expect(consultationStatus(c, new Date("2030-04-01T18:59:59.999+02:00"))).toBe("open");
  });
});
