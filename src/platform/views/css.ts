import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as sass from 'sass';
import { srcDir } from './nunjucks.js';

/**
 * Compiles govuk-frontend's Sass with Arial instead of GDS Transport (licensed for GOV.UK only),
 * once, caching the result under .cache/ keyed by the source's content and govuk-frontend's version.
 */
export function stylesheet(): { css: string; hash: string } {
  const scssFile = path.join(srcDir, 'platform/views/spotlight.scss');
  const source = fs.readFileSync(scssFile, 'utf8');
  const govukVersion = JSON.parse(
    fs.readFileSync(path.join(srcDir, '../node_modules/govuk-frontend/package.json'), 'utf8'),
  ).version as string;
  const key = crypto.createHash('sha256').update(source).update(govukVersion).digest('hex').slice(0, 16);
  const cacheDir = path.join(srcDir, '../.cache');
  const cacheFile = path.join(cacheDir, `spotlight-${key}.css`);
  if (fs.existsSync(cacheFile)) return { css: fs.readFileSync(cacheFile, 'utf8'), hash: key };
  const result = sass.compile(scssFile, {
    style: 'compressed',
    importers: [new sass.NodePackageImporter()],
    quietDeps: true,
    silenceDeprecations: ['import'],
  });
  fs.mkdirSync(cacheDir, { recursive: true });
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, result.css);
  fs.renameSync(tmp, cacheFile);
  return { css: result.css, hash: key };
}
