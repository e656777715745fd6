import { describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { checkPdf, LETTER_MAX_BYTES, safeFileName } from "./letter";

const text = (s: string) => new TextEncoder().encode(s);

async function realPdf(pages = 1, version?: string) {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage().drawText(`Signed letter, page ${i + 1}`);
  const bytes = await doc.save();
  if (!version) return bytes;
  // pdf-lib writes %PDF-1.7: the same file, said to be another version.
  const out = new Uint8Array(bytes);
  out.set(text(`%PDF-${version}`));
  return out;
}

describe("checkPdf", () => {
  it("accepts a real PDF, whatever it is called or which version it says", async () => {
    expect(await checkPdf(await realPdf())).toBe("ok");
    expect(await checkPdf(await realPdf(3, "1.4"))).toBe("ok");
    expect(await checkPdf(await realPdf(1, "2.0"))).toBe("ok");
  });

  it("refuses an HTML polyglot: a %PDF- header, HTML, and an %%EOF trailer", async () => {
    expect(
      await checkPdf(text("%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n")),
    ).toBe("notPdf");
    expect(await checkPdf(text("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"))).toBe("notPdf");
    // HTML first, then a real PDF: browsers sniff the start, so the file must start with the header.
    const pdf = await realPdf();
    const html = text("<html><script>alert(1)</script></html>\n");
    const both = new Uint8Array(html.length + pdf.length);
    both.set(html);
    both.set(pdf, html.length);
    expect(await checkPdf(both)).toBe("notPdf");
  });

  it("refuses other content, an empty file, a truncated PDF, an encrypted one and one over 10 MB", async () => {
    expect(await checkPdf(text("<html>%%EOF</html>"))).toBe("notPdf");
    expect(await checkPdf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe("notPdf");
    expect(await checkPdf(new Uint8Array())).toBe("empty");
    const pdf = await realPdf();
    expect(await checkPdf(pdf.subarray(0, Math.floor(pdf.length / 3)))).toBe("notPdf");
    const plain = await (async () => {
      const d = await PDFDocument.create();
      d.addPage();
      return d.save({ useObjectStreams: false });
    })();
    const encrypted = new TextDecoder("latin1")
      .decode(plain)
      .replace("trailer\n<<", "trailer\n<<\n/Encrypt << /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>");
    expect(encrypted).toContain("/Encrypt");
    expect(await checkPdf(Uint8Array.from(encrypted, (ch) => ch.charCodeAt(0)))).toBe("notPdf");
    const big = new Uint8Array(LETTER_MAX_BYTES + 1);
    big.set(pdf);
    expect(await checkPdf(big)).toBe("tooLarge");
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
