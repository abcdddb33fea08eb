/** Any table of the dashboard as CSV or Excel, holding exactly what the page shows the viewer. */
import ExcelJS from 'exceljs';
import type { Table } from './presenters.js';

function csvField(v: string): string {
  // neutralise spreadsheet formulas, then quote when needed
  const safe = /^[=+\-@\t\r]/.test(v) && !/^-?\d/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function tableCsv(table: Table): string {
  const lines = [table.head.map(csvField).join(',')];
  for (const r of table.rows) lines.push([r.header, ...r.cells.map((c) => (c.value === null ? '' : String(c.value)))].map(csvField).join(','));
  return `${lines.join('\n')}\n`;
}

export async function tablesXlsx(tables: readonly Table[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Spotlight';
  const used = new Set<string>();
  for (const t of tables) {
    let name = t.caption.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31).trim() || t.id;
    for (let i = 2; used.has(name); i++) name = `${name.slice(0, 28)} ${i}`;
    used.add(name);
    const ws = wb.addWorksheet(name);
    ws.addRow([t.caption]).font = { bold: true };
    ws.addRow(t.head).font = { bold: true };
    for (const r of t.rows) ws.addRow([r.header, ...r.cells.map((c) => c.value)]);
    ws.columns.forEach((c) => (c.width = 22));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function fileName(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'table';
}
