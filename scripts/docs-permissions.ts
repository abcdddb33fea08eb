// Writes the permission matrix (src/platform/auth/permissions.ts) into docs/permissions.md.
import fs from 'node:fs';
import { permissionsMarkdown } from '../src/platform/auth/permissions.js';

const file = new URL('../docs/permissions.md', import.meta.url);
const text = fs.readFileSync(file, 'utf8');
const start = '<!-- matrix:start -->';
const end = '<!-- matrix:end -->';
const updated = text.replace(new RegExp(`${start}[\\s\\S]*${end}`), `${start}\n${permissionsMarkdown()}\n${end}`);
fs.writeFileSync(file, updated);
console.log('docs/permissions.md updated');
