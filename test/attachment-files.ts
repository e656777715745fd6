// Small real files of each accepted type (and a few that are not), made in memory for the attachment tests:
// integration (lib/attachments/*.int.test.ts) and end to end (e2e/attachments.spec.ts).
import { crc32, deflateRawSync, deflateSync } from "node:zlib";
import { PDFDocument } from "pdf-lib";

export async function pdfFile(text = "A position paper"): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([300, 200]).drawText(text, { x: 20, y: 100, size: 12 });
  return Buffer.from(await doc.save());
}

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  return Buffer.concat([u32(data.length), body, u32(crc32(body))]);
}

/** A 2×2 grey PNG. */
export function pngFile(): Buffer {
  const ihdr = Buffer.concat([u32(2), u32(2), Buffer.from([8, 0, 0, 0, 0])]);
  const rows = Buffer.from([0, 128, 128, 0, 128, 128]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", deflateSync(rows)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A JPEG's structure: SOI, a JFIF segment, a frame header (8×8, one component), a scan, EOI. */
export function jpegFile(): Buffer {
  return Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
    0x00, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00, 0xff, 0xda, 0x00, 0x08, 0x01,
    0x01, 0x00, 0x00, 0x3f, 0x00, 0xd2, 0xcf, 0x20, 0xff, 0xd9,
  ]);
}

/** A zip of the given entries (in order); "stored" ones are not compressed. */
export function zipFile(entries: { name: string; text: string; stored?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = Buffer.from(e.text, "utf8");
    const data = e.stored ? raw : deflateRawSync(raw);
    const name = Buffer.from(e.name, "utf8");
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(e.stored ? 0 : 8, 8);
    head.writeUInt32LE(crc32(raw), 14);
    head.writeUInt32LE(data.length, 18);
    head.writeUInt32LE(raw.length, 22);
    head.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.stored ? 0 : 8, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, name, data);
    centrals.push(central, name);
    offset += head.length + name.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

export function docxFile(): Buffer {
  return zipFile([
    {
      name: "[Content_Types].xml",
      text: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    },
    { name: "word/document.xml", text: `<w:document xmlns:w="x"><w:body/></w:document>` },
  ]);
}

export function odtFile(): Buffer {
  return zipFile([
    { name: "mimetype", text: "application/vnd.oasis.opendocument.text", stored: true },
    { name: "content.xml", text: `<office:document-content xmlns:office="x"/>` },
  ]);
}

/** The start of a Windows program (MZ, the DOS stub's text): what a renamed .exe looks like. */
export function exeFile(): Buffer {
  const b = Buffer.alloc(512);
  b.write("MZ", 0, "latin1");
  b.write("This program cannot be run in DOS mode.", 78, "latin1");
  return b;
}

/** A PNG of about `bytes` bytes (the 2×2 image with a comment chunk of padding before its end): a large valid file. */
export function largePngFile(bytes: number): Buffer {
  const png = pngFile();
  const end = png.subarray(png.length - 12);
  const padding = pngChunk(
    "tEXt",
    Buffer.concat([Buffer.from("Comment\0"), Buffer.alloc(Math.max(0, bytes - 80), 0x61)]),
  );
  return Buffer.concat([png.subarray(0, png.length - 12), padding, end]);
}
