// Writes docs/rules.md from the rule metas (npm run docs:rules).
import { writeFileSync, mkdirSync } from 'node:fs';
import { ruleCatalogueMarkdown } from '../rules/catalogue.js';

mkdirSync(new URL('../docs/', import.meta.url), { recursive: true });
writeFileSync(new URL('../docs/rules.md', import.meta.url), ruleCatalogueMarkdown());
