import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanFilename, contentDisposition, detectPaperKind, formatBytes, sha256Hex } from './papers.js';
import { attendanceStatistics } from './stats.js';

test('a paper is judged by its first bytes, not its name', () => {
  assert.equal(detectPaperKind(Buffer.from('%PDF-1.7\n...')), 'pdf');
  assert.equal(detectPaperKind(Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(30), Buffer.from('word/document.xml')])), 'docx');
  assert.equal(detectPaperKind(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), 'doc');
  // A ZIP that is not a Word document (a spreadsheet), an executable, HTML, text that mentions %PDF- later, and nothing.
  assert.equal(detectPaperKind(Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('xl/workbook.xml')])), null);
  assert.equal(detectPaperKind(Buffer.from('MZ\x90\x00', 'latin1')), null);
  assert.equal(detectPaperKind(Buffer.from('<html><body>%PDF-</body></html>')), null);
  assert.equal(detectPaperKind(Buffer.from('%PD')), null);
  assert.equal(detectPaperKind(new Uint8Array(0)), null);
});

test('checksums, file names and downloads', () => {
  assert.equal(sha256Hex(Buffer.from('abc')), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(cleanFilename('C:\\Users\\clerk\\Agenda item 5.PDF', 'pdf'), 'Agenda item 5.pdf');
  assert.equal(cleanFilename('../../etc/passwd', 'doc'), 'passwd.doc');
  assert.equal(cleanFilename('report"\n.docx', 'docx'), 'report.docx');
  assert.equal(contentDisposition('Rapport été.pdf'), `attachment; filename="Rapport _t_.pdf"; filename*=UTF-8''Rapport%20%C3%A9t%C3%A9.pdf`);
  assert.equal(formatBytes(500), '500 bytes');
  assert.equal(formatBytes(2048), '2 KB');
  assert.equal(formatBytes(3 * 1024 * 1024), '3.0 MB');
});

test('attendance statistics count each meeting once per member; substitutes count as present', () => {
  const stats = attendanceStatistics([
    { person_id: 1, name: 'B Member', meeting_id: 10, status: 'present' },
    { person_id: 1, name: 'B Member', meeting_id: 11, status: 'apologies' },
    { person_id: 1, name: 'B Member', meeting_id: 11, status: 'apologies' },
    { person_id: 1, name: 'B Member', meeting_id: 12, status: null },
    { person_id: 2, name: 'A Member', meeting_id: 10, status: 'substitute' },
    { person_id: 2, name: 'A Member', meeting_id: 11, status: 'absent' },
  ]);
  assert.deepEqual(stats, [
    { personId: 2, name: 'A Member', expected: 2, present: 1, apologies: 0, absent: 1, notRecorded: 0, percentage: 50 },
    { personId: 1, name: 'B Member', expected: 3, present: 1, apologies: 1, absent: 0, notRecorded: 1, percentage: 33 },
  ]);
});
