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

export function rulesJson(metas: readonly RuleMeta[]): string {
  return (
    JSON.stringify(
      metas.map((m) => ({ id: m.id, defaultSeverity: m.defaultSeverity, scope: m.scope, requires: m.requires, hasSuggestion: m.hasSuggestion, docs: m.docs })),
      null,
      2,
    ) + '\n'
  );
}
