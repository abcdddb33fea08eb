/**
 * Agenda papers: what a file is, judged by its first bytes (never by its name or the type the browser
 * claims), its checksum, and a safe Content-Disposition for downloads.
 */
import crypto from 'node:crypto';

export const PAPER_TYPES = {
  pdf: { contentType: 'application/pdf', extension: 'pdf', label: 'PDF' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx', label: 'Word document' },
  doc: { contentType: 'application/msword', extension: 'doc', label: 'Word 97-2003 document' },
} as const;
export type PaperKind = keyof typeof PAPER_TYPES;

const PDF = Buffer.from('%PDF-', 'latin1');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const WORD_PART = Buffer.from('word/document.xml', 'latin1');

/**
 * The kind of a paper from its content: a PDF (`%PDF-`), a Word document (.docx: a ZIP archive
 * holding `word/document.xml`, whose name appears uncompressed in the archive's headers), or a legacy
 * Word 97-2003 document (the OLE compound file signature). Anything else is null.
 */
export function detectPaperKind(bytes: Uint8Array): PaperKind | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= PDF.length && b.subarray(0, PDF.length).equals(PDF)) return 'pdf';
  if (b.length >= ZIP.length && b.subarray(0, ZIP.length).equals(ZIP)) return b.includes(WORD_PART) ? 'docx' : null;
  if (b.length >= OLE.length && b.subarray(0, OLE.length).equals(OLE)) return 'doc';
  return null;
}

export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** A file name safe to store and show: no path, no control characters, at most 200 characters, the right extension. */
export function cleanFilename(name: string, kind: PaperKind): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim();
  const ext = PAPER_TYPES[kind].extension;
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '').slice(0, 190) || 'paper';
  return `${stem}.${ext}`;
}

/** `attachment` with an ASCII fallback name and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** "1.2 MB", "340 KB" for a size in bytes. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Math.max(1, Math.round(n / 1024))} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
