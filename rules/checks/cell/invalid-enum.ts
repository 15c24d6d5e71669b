import { defineRule, msg } from '../../engine/rule.js';
import { reportParserIssues } from '../parser-issues.js';

/** `cell/invalid-enum`: not one of the allowed values (the message lists them). */
export default defineRule({
  meta: {
    id: 'cell/invalid-enum',
    defaultSeverity: 'error',
    scope: 'cell',
    requires: [],
    docs: msg('不是允許的選項之一。', 'Not one of the allowed values.'),
    messages: {
      default: msg('「{column}」的「{text}」不是可用選項；請選擇：{allowed}。', '"{column}": "{text}" is not allowed; choose one of: {allowedEn}.'),
      boolean: msg('「{column}」的「{text}」無法判斷是或否；請填：{allowed}。', '"{column}": "{text}" is neither yes nor no; use one of: {allowed}.'),
    },
    hasSuggestion: false,
  },
  check: reportParserIssues('cell/invalid-enum'),
});
