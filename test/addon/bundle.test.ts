/**
 * The built dist/addon/Code.js, loaded in node:vm as Apps Script loads it: the entry points are
 * top-level functions, loading touches no service, onOpen in AuthMode.NONE only builds the menu,
 * checkWorkbook() agrees with the CLI engine on the LibreOffice fixture, and the bundle stays
 * inside the manifest's two scopes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { civil, deadlinesForWorkbook, validateWorkbook } from '../../rules/index.js';
import * as serverMain from '../../addon/server/main.js';
import { createFakeGas } from './fakes/gas.js';
import { readFixture } from './helpers/xlsx-fixture.js';
import ts from 'typescript';
import { ROOT, appsScriptGlobals, ensureAddonBuilt, loadCode, type BuiltAddon } from './helpers/bundle.js';

let built: BuiltAddon;

/** Syntax newer than ES2019 (or module syntax) found in a script, as `kind@line`. */
function laterSyntax(code: string, file: string): string[] {
  const sf = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found: string[] = [];
  const at = (n: ts.Node, what: string) => found.push(`${what}@${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`);
  const newer = new Set([
    ts.SyntaxKind.QuestionQuestionToken,
    ts.SyntaxKind.QuestionQuestionEqualsToken,
    ts.SyntaxKind.BarBarEqualsToken,
    ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ]);
  const visit = (n: ts.Node): void => {
    if (ts.isBinaryExpression(n) && newer.has(n.operatorToken.kind)) at(n, ts.SyntaxKind[n.operatorToken.kind]);
    if ((ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n) || ts.isCallExpression(n)) && n.questionDotToken) at(n, 'optional chaining');
    if (ts.isBigIntLiteral(n)) at(n, 'bigint literal');
    if (ts.isPrivateIdentifier(n)) at(n, 'private name');
    if (ts.isClassStaticBlockDeclaration(n)) at(n, 'static block');
    if (ts.isPropertyDeclaration(n)) at(n, 'class field');
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n) || ts.isExportAssignment(n)) at(n, 'module syntax');
    if (ts.isMetaProperty(n) || (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword)) at(n, 'import');
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

beforeAll(async () => {
  built = await ensureAddonBuilt();
});

/** The entry points the brief and the sidebar rely on. */
const CONTRACT = [
  'onOpen',
  'onInstall',
  'showSidebar',
  'checkWorkbook',
  'checkActiveSheet',
  'clearMarks',
  'insertTemplates',
  'buildCalendarSheet',
  'buildScheduleSheet',
  'estimateCosts',
  'buildDeadlineSheet',
  'selectCell',
  'applySuggestion',
  'getCalendar',
  'getCosts',
  'getSettings',
  'setLanguage',
  'onEdit',
  'setLiveCheck',
  'getLiveStatus',
];

/** The services the add-on may use: these need no scope beyond the manifest's two. */
const ALLOWED_SERVICES = ['HtmlService', 'LockService', 'PropertiesService', 'SpreadsheetApp', 'Utilities'];

/** A 2026-05-10 10:00 Taipei clock. */
const NOW = Date.UTC(2026, 4, 10, 2, 0, 0);

describe('dist/addon/Code.js in node:vm', () => {
  it('defines every entry point as a top-level function, and loading it calls no service', async () => {
    const { context, accesses } = await loadCode(built.code);
    expect(accesses).toEqual([]);
    const exported = Object.keys(serverMain).sort();
    expect(exported).toEqual([...CONTRACT].sort());
    for (const name of exported) {
      expect(typeof context[name], name).toBe('function');
      expect(built.code).toMatch(new RegExp(`^function ${name}\\(\\) \\{$`, 'm'));
    }
  });

  it("every server function the sidebar calls (addon/sidebar/api.ts) is one of these entry points", () => {
    const api = readFileSync(new URL('../../addon/sidebar/api.ts', import.meta.url), 'utf8');
    const called = [...api.matchAll(/\bcall<[^>]*>\('(\w+)'/g)].map((m) => m[1]!);
    expect(called.length).toBeGreaterThan(10);
    expect(called.filter((name) => !CONTRACT.includes(name))).toEqual([]);
    expect(called).toContain('buildDeadlineSheet');
  });

  it('onOpen in AuthMode.NONE builds the menu and does nothing else', async () => {
    const gas = createFakeGas();
    const { context, accesses } = await loadCode(built.code, { SpreadsheetApp: gas.globals.SpreadsheetApp });
    const authModeNone = { toString: () => 'NONE' };
    (context.onOpen as (e: unknown) => void)({ authMode: authModeNone, source: {} });
    expect(accesses).toEqual([]); // no other service touched (PropertiesService, ScriptApp, Session …)
    expect(gas.rec.names()).toEqual([
      'SpreadsheetApp.getUi',
      'Ui.createAddonMenu',
      ...Array(4).fill('Menu.addItem'),
      'Menu.addSeparator',
      ...Array(5).fill('Menu.addItem'),
      'Menu.addToUi',
    ]);
    const items = gas.ui.menus[0]!.items.filter((i): i is { label: string; fn: string } => i !== 'separator');
    for (const { fn } of items) expect(typeof context[fn], fn).toBe('function');
  });

  it('checkWorkbook() reports what the CLI engine reports on the same fixture, in a New York spreadsheet', async () => {
    const fx = await readFixture();
    const gas = createFakeGas({ timeZone: 'America/New_York', name: 'partner-workbook' });
    for (const { name, grid } of fx.grids('America/New_York')) gas.addSheet(name, grid);
    const { context, accesses } = await loadCode(built.code, gas.globals, { now: NOW });
    const report = (context.checkWorkbook as (o: unknown) => { violations: unknown[]; meta: { today: string }; counts: unknown })({ quiet: true });
    expect(accesses).toEqual([]);
    expect(report.meta.today).toBe('2026-05-10');

    const engine = validateWorkbook(fx.model(), { today: '2026-05-10', path: 'partner-workbook' });
    const key = (v: { ruleId: string; sheet: string | null; cell: string | null; row: number | null; severity: string }) => [v.ruleId, v.sheet, v.cell, v.row, v.severity];
    const actual = JSON.parse(JSON.stringify(report.violations)) as Parameters<typeof key>[0][];
    expect(actual.map(key)).toEqual(engine.violations.map(key));
    expect(actual).toEqual(JSON.parse(JSON.stringify(engine.violations)));
    expect(report.counts).toEqual(engine.counts);
    expect(engine.violations.length).toBeGreaterThan(20);
    // Plain data across the google.script.run boundary: nothing but JSON.
    expect(JSON.parse(JSON.stringify(report))).toStrictEqual(JSON.parse(JSON.stringify(report)));
    expect(JSON.stringify(report)).not.toMatch(/undefined/);
  });

  it('buildDeadlineSheet() writes the rules\' deadline list (the CLI\'s) as the 期限清單 tab, in a New York spreadsheet', async () => {
    const fx = await readFixture();
    const gas = createFakeGas({ timeZone: 'America/New_York', name: 'partner-workbook' });
    for (const { name, grid } of fx.grids('America/New_York')) gas.addSheet(name, grid);
    const { context, accesses } = await loadCode(built.code, gas.globals, { now: NOW });
    const r = (context.buildDeadlineSheet as (o: unknown) => { sheet: string; rows: number; overdue: number })({ quiet: true });
    expect(accesses).toEqual([]);
    const expected = deadlinesForWorkbook(fx.model()).deadlines;
    expect(r.rows).toBe(expected.length);
    expect(r.rows).toBeGreaterThan(10);
    expect(r.overdue).toBe(expected.filter((d) => d.at < '2026/05/10').length);
    const sheet = gas.sheet(r.sheet);
    expect(r.sheet).toBe('期限清單 · partner-check');
    expected.forEach((d, i) => {
      expect([1, 3, 6].map((c) => sheet._peek(i + 2, c).value)).toEqual([civil.deadlineLabel(d.wall, 'zh-TW'), d.title['zh-TW'], d.remindOn ?? '']);
    });
  });

  it('references no service outside spreadsheets.currentonly and script.container.ui', async () => {
    const code = built.code;
    const used = (await appsScriptGlobals()).filter((g) => new RegExp(`\\b${g}\\b`).test(code));
    expect(used).toEqual(ALLOWED_SERVICES);
    const forbidden = [
      /\bUrlFetchApp\b/,
      /\bDriveApp\b/,
      /\bGmailApp\b/,
      /\bMailApp\b/,
      /\bCalendarApp\b/,
      /\bDocumentApp\b/,
      /\bScriptApp\b/, // getOAuthToken, triggers: other scopes
      /\bSession\s*\.\s*get(Active|Effective)User\b/,
      /SpreadsheetApp\s*\.\s*(open|openById|openByUrl|create)\s*\(/, // beyond the current spreadsheet
      /\b(Drive|Sheets|Gmail|Calendar|Docs|Slides|People|Tasks|BigQuery|YouTube|AdminDirectory)\s*\.\s*[A-Z]\w*\s*\./, // advanced services
      /\bXMLHttpRequest\b/,
    ];
    for (const re of forbidden) expect(code, String(re)).not.toMatch(re);
    // The manifest shipped is the repository's, with exactly the two narrow scopes.
    const manifest = JSON.parse(built.manifest) as { oauthScopes: string[]; runtimeVersion: string; timeZone: string };
    expect(manifest).toEqual(JSON.parse(readFileSync(path.join(ROOT, 'appsscript.json'), 'utf8')));
    expect(manifest.oauthScopes).toEqual(['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.container.ui']);
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Asia/Taipei');
  });

  it('this test catches a bundle that reaches for another service', async () => {
    const bad = `${built.code}\nfunction leak() { return UrlFetchApp.fetch('https://example.com'); }\n`;
    const used = (await appsScriptGlobals()).filter((g) => new RegExp(`\\b${g}\\b`).test(bad));
    expect(used).not.toEqual(ALLOWED_SERVICES);
    const { context, accesses } = await loadCode(bad);
    (context.leak as () => void)();
    expect(accesses.map((a) => a.path)).toEqual(['UrlFetchApp.fetch', 'UrlFetchApp.fetch()']);
  });

  it('is an ES2019 script (no modules, no later syntax), and the sidebar is one self-contained file', () => {
    expect(laterSyntax(built.code, 'Code.js')).toEqual([]);
    const script = /<script>([\s\S]*)<\/script>/.exec(built.html)![1]!;
    expect(laterSyntax(script, 'Sidebar.js')).toEqual([]);
    const html = built.html;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/i);
    expect(html).not.toMatch(/\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write)\b/);
    expect(html).not.toMatch(/\/\*@inline:/);
    expect((html.match(/<\/script>/g) ?? []).length).toBe(1);
  });
});
