/**
 * 自動檢查 (live check), opt-in per document: a simple `onEdit(e)` trigger re-checks the edited tab
 * and the tabs whose rules read it, and updates their marks.
 *
 * Simple-trigger limits (developers.google.com/apps-script/guides/triggers): it runs in
 * AuthMode.LIMITED (the add-on enabled in this document; in NONE it does nothing), may touch only
 * this spreadsheet (spreadsheets.currentonly is enough), and is stopped after 30 seconds. So:
 * - it reads every grid tab once (the rules need the whole workbook as context): O(tabs) calls;
 * - it writes marks only on the edited tab and its dependants (dependentKinds, from the rules'
 *   `meta.requires`), and skips the writing when the reading already took LIVE_BUDGET_MS;
 * - it waits at most LIVE_LOCK_WAIT_MS for the document lock (another run marks the cells anyway);
 * - it records what it did in the document properties (LIVE_STATE_KEY), which the open sidebar
 *   polls (getLiveStatus) to refresh itself.
 * The on/off switch is a document property (LIVE_KEY), shared by everyone editing the document.
 */
import { analyseWorkbook, type SheetKind } from '../../rules/index.js';
import { campaign, getLang, nowTaipei } from './env.js';
import { TEXT, tr } from './i18n.js';
import { isGeneratedTab } from './generated.js';
import { checkAndMark, dependentKinds, loadWorkbook, type AddonReport } from './check.js';
import { isGridSheet } from './read.js';

export const LIVE_KEY = 'partnerCheck.live';
export const LIVE_STATE_KEY = 'partnerCheck.liveState';
/** Past this much time spent reading and validating, the live run leaves the marks for the next one. */
export const LIVE_BUDGET_MS = 20_000;
export const LIVE_LOCK_WAIT_MS = 2_000;

export interface LiveState {
  /** Taipei wall clock of the run. */
  readonly at: string;
  readonly sheet: string;
  /** The tabs whose marks were updated. */
  readonly tabs: readonly string[];
  readonly counts: { readonly errors: number; readonly warnings: number; readonly infos: number };
  readonly marked: number;
  /** Why nothing was marked: another run held the lock, or the time budget was spent. */
  readonly skipped: 'busy' | 'budget' | null;
  /** A sequence number the sidebar compares. */
  readonly seq: number;
}

export interface LiveStatus {
  readonly enabled: boolean;
  readonly last: LiveState | null;
}

interface EditEvent {
  readonly authMode?: unknown;
  readonly range?: GoogleAppsScript.Spreadsheet.Range;
}

function docProps(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

export function liveEnabled(): boolean {
  return docProps().getProperty(LIVE_KEY) === 'on';
}

export function runSetLiveCheck(on: unknown): LiveStatus {
  if (typeof on !== 'boolean') throw new Error('setLiveCheck expects true or false');
  if (on) docProps().setProperty(LIVE_KEY, 'on');
  else docProps().deleteProperty(LIVE_KEY);
  return runGetLiveStatus();
}

export function runGetLiveStatus(): LiveStatus {
  const props = docProps();
  let last: LiveState | null = null;
  const raw = props.getProperty(LIVE_STATE_KEY);
  if (raw) {
    try {
      last = JSON.parse(raw) as LiveState;
    } catch {
      last = null;
    }
  }
  return { enabled: props.getProperty(LIVE_KEY) === 'on', last };
}

/** The simple trigger's body; returns what it recorded (null when it did nothing). */
export function runOnEdit(e: EditEvent | undefined, clock: () => number = Date.now): LiveState | null {
  if (!e || !e.range || String(e.authMode) === 'NONE') return null;
  const started = clock();
  if (!liveEnabled()) return null;
  const edited = e.range.getSheet();
  if (!isGridSheet(edited)) return null;
  const name = edited.getName();
  if (isGeneratedTab(name)) return null;

  const lang = getLang();
  const loaded = loadWorkbook();
  const scope = liveScope(name, analyseWorkbook(loaded.workbook, campaign()).summaries);
  let report: AddonReport | null = null;
  let skipped: LiveState['skipped'] = null;
  if (clock() - started > LIVE_BUDGET_MS) skipped = 'budget';
  else {
    try {
      report = checkAndMark(loaded, scope, lang, { scope: 'sheet', sheet: name }, { waitMs: LIVE_LOCK_WAIT_MS });
    } catch (err) {
      if (!(err instanceof Error) || err.message !== tr(TEXT.busy, lang)) throw err;
      skipped = 'busy';
    }
  }
  const props = docProps();
  let seq = 1;
  try {
    const prev = JSON.parse(props.getProperty(LIVE_STATE_KEY) ?? 'null') as LiveState | null;
    if (prev && Number.isInteger(prev.seq)) seq = prev.seq + 1;
  } catch {
    seq = 1;
  }
  const state: LiveState = {
    at: nowTaipei(),
    sheet: name,
    tabs: [...scope].sort(),
    counts: report ? report.counts : { errors: 0, warnings: 0, infos: 0 },
    marked: report ? report.meta.marks.marked : 0,
    skipped,
    seq,
  };
  props.setProperty(LIVE_STATE_KEY, JSON.stringify(state));
  return state;
}

/** The edited tab and every tab of a kind its rules read together with it (recognised by the rules). */
export function liveScope(edited: string, summaries: readonly { readonly name: string; readonly kind: SheetKind | null }[]): Set<string> {
  const kind = summaries.find((s) => s.name === edited)?.kind ?? null;
  const related = kind ? dependentKinds(kind) : new Set<SheetKind>();
  const out = new Set([edited]);
  for (const s of summaries) if (s.kind && related.has(s.kind)) out.add(s.name);
  return out;
}
