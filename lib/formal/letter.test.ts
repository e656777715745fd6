import { describe, expect, it } from "vitest";
import { checkPdf, LETTER_MAX_BYTES, safeFileName } from "./letter";

const pdf = (body = "1 0 obj << >> endobj") => new TextEncoder().encode(`%PDF-1.7\n${body}\ntrailer << >>\n%%EOF\n`);

describe("checkPdf", () => {
  it("recognises a PDF by its content, whatever it is called", () => {
    expect(checkPdf(pdf())).toBe("ok");
    expect(checkPdf(new TextEncoder().encode("%PDF-2.0\n%%EOF"))).toBe("ok");
  });
  it("refuses other content, an empty file, a truncated PDF and one over 10 MB", () => {
    expect(checkPdf(new TextEncoder().encode("<html>%%EOF</html>"))).toBe("notPdf");
    expect(checkPdf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe("notPdf");
    expect(checkPdf(new Uint8Array())).toBe("empty");
    expect(checkPdf(new TextEncoder().encode("%PDF-1.4\n1 0 obj"))).toBe("notPdf");
    const big = new Uint8Array(LETTER_MAX_BYTES + 1);
    big.set(pdf());
    expect(checkPdf(big)).toBe("tooLarge");
  });
});

describe("safeFileName", () => {
  it("keeps a plain name and always ends in .pdf", () => {
    expect(safeFileName("Lettre signée FR.pdf")).toBe("Lettre-signee-FR.pdf");
    expect(safeFileName("../../etc/passwd")).toBe("etc-passwd.pdf");
    expect(safeFileName('a"b\r\nc.PDF')).toBe("a-b-c.pdf");
    expect(safeFileName("")).toBe("letter.pdf");
  });
});
