/**
 * Rendering violations into a language, at the edge. Templates use `{name}` placeholders; a
 * placeholder `{nameEn}` falls back to `{name}` when the data has no English form.
 */
import type { Lang, Message, MessageData, RuleMeta, Violation, ReportViolation } from '../types.js';
import { STATUS_ADVICE } from './suggestions.js';

export function fillTemplate(template: string, data: MessageData): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (name in data) return String(data[name]);
    if (name.endsWith('En') && name.slice(0, -2) in data) return String(data[name.slice(0, -2)]);
    return whole;
  });
}

export function pickLang(msg: Message, lang: Lang): string {
  return msg[lang] ?? msg['zh-TW'];
}

export function renderMessage(meta: RuleMeta, messageId: string, data: MessageData, lang: Lang): string {
  const msg = meta.messages[messageId] ?? meta.messages['default'];
  if (!msg) return `${meta.id}`;
  const text = fillTemplate(pickLang(msg, lang), data);
  // A suggestion the row's status does not allow (rules/engine/suggestions.ts) becomes advice.
  const advice = data['advice'] === 'pending' || data['advice'] === 'approved' ? STATUS_ADVICE[data['advice']] : undefined;
  return advice ? `${text}${lang === 'en' ? ' ' : ''}${fillTemplate(pickLang(advice, lang), data)}` : text;
}

export function renderViolation(v: Violation, meta: RuleMeta, lang: Lang): ReportViolation {
  const out: {
    -readonly [K in keyof ReportViolation]: ReportViolation[K];
  } = {
    ruleId: v.ruleId,
    severity: v.severity,
    sheet: v.sheet,
    row: v.row,
    column: v.column,
    cell: v.cell,
    message: renderMessage(meta, v.messageId, v.data, lang),
    messageId: v.messageId,
    data: v.data,
  };
  if (v.value !== undefined) out.value = v.value;
  if (v.suggestion) {
    out.suggestion = v.suggestion.label
      ? { value: v.suggestion.value, label: fillTemplate(pickLang(v.suggestion.label, lang), { ...v.data, value: v.suggestion.value }) }
      : { value: v.suggestion.value };
  }
  return out;
}
