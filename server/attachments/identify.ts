/**
 * What an uploaded file really is, from its bytes, not its name or the browser's word: a PDF
 * starts with "%PDF-"; a DOCX or XLSX is a zip whose entries name word/document.xml or
 * xl/workbook.xml. Anything else is refused, so nothing stored can be served as HTML or script.
 */
import type { AttachmentKind } from "../../shared/validation/attachments.js";

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The zip's entry names, from its central directory (bounded: a broken file yields none). */
function zipEntries(file: Buffer): string[] {
  const eocd = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > file.length) return [];
  let at = file.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = Math.min(file.readUInt16LE(eocd + 10), 10_000); n > 0; n--) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== 0x02014b50) return names;
    const nameLength = file.readUInt16LE(at + 28);
    names.push(file.toString("utf8", at + 46, Math.min(file.length, at + 46 + nameLength)));
    at += 46 + nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
  }
  return names;
}

/** The kind of the file, or null when it is none of the three. The name's extension must agree. */
export function identifyFile(filename: string, file: Buffer): AttachmentKind | null {
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  if (file.subarray(0, 5).toString("latin1") === "%PDF-") return extension === "pdf" ? "pdf" : null;
  if (!file.subarray(0, 4).equals(ZIP)) return null;
  const entries = zipEntries(file);
  if (entries.includes("word/document.xml")) return extension === "docx" ? "docx" : null;
  if (entries.includes("xl/workbook.xml")) return extension === "xlsx" ? "xlsx" : null;
  return null;
}
