/**
 * The rule book's bookkeeping: every rule file is registered, tested, documented and speaks both
 * languages; every rule id of SPEC.md exists; docs/rules.md is current.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES, RULES_BY_ID } from '../rules/index.js';
import { ruleCatalogueMarkdown } from '../rules/catalogue.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const checksDir = path.join(root, 'rules', 'checks');

function ruleFiles(): string[] {
  const out: string[] = [];
  for (const group of readdirSync(checksDir)) {
    const dir = path.join(checksDir, group);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir)) if (f.endsWith('.ts')) out.push(`${group}/${f.slice(0, -3)}`);
  }
  return out.sort();
}

const placeholders = (s: string) => new Set([...s.matchAll(/\{(\w+?)(?:En)?\}/g)].map((m) => m[1]!));

describe('rule bookkeeping', () => {
  it('every rule file is in the registry under its own id, and vice versa', () => {
    expect(RULES.map((r) => r.meta.id).sort()).toEqual(ruleFiles());
  });

  it('the registry is sorted by id', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('every SPEC rule id exists', () => {
    const spec = readFileSync(path.join(root, '..', 'shared', 'SPEC.md'), 'utf8');
    const ids = [...new Set([...spec.matchAll(/`((?:workbook|sheet|cell|calendar|campaign|enrollment|contract|partner|ring|asset|ad|deal|oa)\/[a-z0-9-]+)`/g)].map((m) => m[1]!))].sort();
    expect(ids.filter((id) => !RULES_BY_ID.has(id))).toEqual([]);
  });

  for (const rule of RULES) {
    describe(rule.meta.id, () => {
      it('has a test file that names it', () => {
        const file = path.join(root, 'test', 'checks', `${rule.meta.id}.test.ts`);
        expect(existsSync(file), `${file} is missing`).toBe(true);
        expect(readFileSync(file, 'utf8')).toContain(`'${rule.meta.id}'`);
      });

      it('has docs and every message in zh-TW and en with the same placeholders', () => {
        expect(rule.meta.docs['zh-TW'].length).toBeGreaterThan(0);
        expect(rule.meta.docs.en.length).toBeGreaterThan(0);
        expect(rule.meta.messages['default']).toBeDefined();
        for (const [id, m] of Object.entries(rule.meta.messages)) {
          expect(m['zh-TW'], `${id} zh-TW`).toMatch(/[\u4e00-\u9fff]/);
          expect(m.en, `${id} en`).toMatch(/[A-Za-z]/);
          expect([...placeholders(m.en)].sort(), `${id} placeholders`).toEqual([...placeholders(m['zh-TW'])].sort());
        }
      });
    });
  }

  it('docs/rules.md is generated from the metas (run npm run docs:rules)', () => {
    expect(readFileSync(path.join(root, 'docs', 'rules.md'), 'utf8')).toBe(ruleCatalogueMarkdown());
  });
});
