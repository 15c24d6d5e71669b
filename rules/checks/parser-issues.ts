/**
 * Sheet- and cell-level rules are found while a tab is read (header binding, cell parsing); their
 * rule files report those findings. This keeps one place (the parser) that understands cells,
 * while each rule id still has its own file, meta, messages and severity.
 */
import type { RuleContext } from '../engine/rule.js';

/** Reports every parser finding with this rule id, at its sheet, row and cell. */
export function reportParserIssues(ruleId: string): (ctx: RuleContext) => void {
  return (ctx) => {
    for (const { sheet, issue } of ctx.sheetIssues) {
      if (issue.ruleId !== ruleId) continue;
      ctx.report({
        sheet,
        row: issue.row,
        col: issue.col,
        messageId: issue.messageId,
        data: issue.data,
        ...(issue.suggestion ? { suggestion: issue.suggestion } : {}),
      });
    }
  };
}

/** Reports every tab-recognition finding with this rule id. */
export function reportTableIssues(ruleId: string): (ctx: RuleContext) => void {
  return (ctx) => {
    for (const t of ctx.tableIssues) if (t.ruleId === ruleId) ctx.report({ sheet: { name: t.sheet }, data: t.data });
  };
}
