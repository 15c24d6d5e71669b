/** The rule catalogue (`partner-check rules`): id, default severity and description. */
import type { Lang, RuleMeta } from '../../rules/index.js';
import { t } from '../i18n.js';
import { displayWidth, fitWidth, painter } from './terminal.js';

const SEVERITY_COLOUR = { error: 'red', warning: 'yellow', info: 'cyan' } as const;

export function rulesText(metas: readonly RuleMeta[], opts: { lang: Lang; color?: boolean }): string {
  const { lang } = opts;
  const paint = painter(opts.color === true);
  const idWidth = Math.max(...metas.map((m) => m.id.length), displayWidth(t(lang, 'rules.col.id'))) + 2;
  const sevWidth = Math.max(...(['error', 'warning', 'info'] as const).map((s) => displayWidth(t(lang, `sev.${s}`))), displayWidth(t(lang, 'rules.col.severity'))) + 2;
  const lines = [paint('bold', t(lang, 'rules.title', { count: metas.length })), ''];
  lines.push(paint('dim', `${fitWidth(t(lang, 'rules.col.id'), idWidth)}${fitWidth(t(lang, 'rules.col.severity'), sevWidth)}${t(lang, 'rules.col.docs')}`));
  for (const m of metas) {
    const sev = fitWidth(t(lang, `sev.${m.defaultSeverity}`), sevWidth);
    lines.push(`${fitWidth(m.id, idWidth)}${paint(SEVERITY_COLOUR[m.defaultSeverity], sev)}${m.docs[lang]}`);
  }
  return lines.join('\n') + '\n';
}

const DETAIL = {
  'zh-TW': { scope: '範圍', requires: '需要的工作表', suggests: '提供建議值', yes: '是', no: '否', messages: '訊息範本', source: '原始碼', tests: '測試（有效與無效的例子）', level: '調整等級' },
  en: { scope: 'Scope', requires: 'Needs tabs', suggests: 'Suggests a fix', yes: 'yes', no: 'no', messages: 'Message templates', source: 'Source', tests: 'Tests (valid and invalid examples)', level: 'Change its level' },
} as const;

/** `partner-check rules ID`: one rule's docs, its message templates and where its examples are. */
export function ruleDetailText(m: RuleMeta, opts: { lang: Lang; color?: boolean }): string {
  const { lang } = opts;
  const d = DETAIL[lang];
  const paint = painter(opts.color === true);
  const lines = [
    `${paint('bold', m.id)}  ${paint(SEVERITY_COLOUR[m.defaultSeverity], t(lang, `sev.${m.defaultSeverity}`))}`,
    m.docs[lang],
    '',
    `${d.scope}: ${m.scope}`,
    `${d.requires}: ${m.requires.length > 0 ? m.requires.join(', ') : '-'}`,
    `${d.suggests}: ${m.hasSuggestion ? d.yes : d.no}`,
    `${d.messages}:`,
    ...Object.entries(m.messages).map(([id, msg]) => `  ${id}: ${msg[lang]}`),
    `${d.source}: rules/checks/${m.id}.ts`,
    `${d.tests}: test/checks/${m.id}.test.ts`,
    `${d.level}: partner-check validate --rule ${m.id}=off|info|warning|error`,
  ];
  return lines.join('\n') + '\n';
}

export function rulesJson(metas: readonly RuleMeta[]): string {
  return (
    JSON.stringify(
      metas.map((m) => ({ id: m.id, defaultSeverity: m.defaultSeverity, scope: m.scope, requires: m.requires, hasSuggestion: m.hasSuggestion, docs: m.docs })),
      null,
      2,
    ) + '\n'
  );
}
