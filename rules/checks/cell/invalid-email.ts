import { defineRule, msg } from '../../engine/rule.js';
import { reportParserIssues } from '../parser-issues.js';

/** `cell/invalid-email`: an address is malformed, or more than 5 are given. */
export default defineRule({
  meta: {
    id: 'cell/invalid-email',
    defaultSeverity: 'error',
    scope: 'cell',
    requires: [],
    docs: msg('電子信箱格式錯誤，或超過 5 個。', 'An e-mail address is malformed, or more than 5 are given.'),
    messages: {
      default: msg('「{column}」的「{text}」不是有效的電子信箱。', '"{column}": "{text}" is not a valid e-mail address.'),
      tooMany: msg('「{column}」最多填 {max} 個信箱，目前有 {count} 個。', '"{column}" takes at most {max} addresses; {count} were given.'),
    },
    hasSuggestion: false,
  },
  check: reportParserIssues('cell/invalid-email'),
});
