/**
 * Regenerates the committed templates (templates/*.xlsx) and the example workbooks
 * (templates/examples/*.xlsx) from the column definitions and the default campaign.
 * `npx tsx scripts/gen-templates.ts [OUT_DIR]` (default: templates/). The same files come from
 * `npm run templates` (the CLI's `partner-check template all --out templates`).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeTemplates } from '../templates/build.js';
import { writeExamples } from '../templates/examples.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] ?? path.join(root, 'templates'));
const written = [...(await writeTemplates(out)), ...(await writeExamples(path.join(out, 'examples')))];
for (const f of written) process.stdout.write(`${path.relative(process.cwd(), f) || f}\n`);
