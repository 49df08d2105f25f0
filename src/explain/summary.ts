import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { defaultLearnedModel } from '../knowledge/learned-file.js';
import { defaultKnowledgeBase } from '../knowledge/load.js';
import { factsFinding, factsJoin, MAX_INPUT_CHARS, MAX_LINES } from './analyse.js';
import { DEFAULT_EXTENSIONS } from './default-extensions.js';
import { dropEchoes, ECHO_DISTANCE, type Found, MAX_ALSO_LINES, ruleKey } from './echoes.js';
import type { Extensions } from './extensions.js';
import { LineFinder, showsClientCommands } from './line-finder.js';
import { LogSecrets } from './log-scan/log-secrets.js';
import { ParseOnce } from './log-scan/parse-once.js';
import { programStep } from './client-output/program-step.js';
import { learnedFinding } from './fallback/learned-finding.js';
import { speaksOfAnotherService } from './mail-context.js';
import { UNKNOWN_ENTRY_ID } from './match.js';
import { cleanPaste } from './paste-cleanup.js';
import { LogJudge, type LogVerdict } from './server-log/judge.js';
import { bareNameKey, domainLoginKey, UNKNOWN_NAME } from './server-log/name-form.js';
import type { FindingData } from './types.js';

export interface CategoryCount {
  category: string;
  count: number;
  /** The first line of this category, masked, with its line number. */
  example: { lineNumber: number; line: string; entry: string };
}

export interface SummaryResult {
  lines: number;
  errors: number;
  categories: CategoryCount[];
  secretFound: boolean;
  /** Over a server log: password guessing from one address, guessing spread over addresses, a failing device. */
  verdicts: LogVerdict[];
}

/** The explainer looks this far around a finding for an echo of it; beyond, findings never meet. */
const ECHO_REACH = ECHO_DISTANCE + 2;
/** A run of findings with no quiet stretch between them is cut here, so memory stays bounded. */
const MAX_GROUP = 10_000;
/** Rule findings (the same rule on the same facts) are merged across the whole log; this many are tracked. */
const MAX_RULE_KEYS = 10_000;

interface RuleTally {
  /** Findings of this rule on these facts so far, and how many of them were counted. */
  seen: number;
  counted: number;
  /** Whether the first of them was kept (the explainer drops a summary line beside a specific finding). */
  kept: boolean;
  /** The first of them: put before a later run of findings, so that the run's ones merge into it. */
  first: Found;
}

/**
 * Counts errors per category over a log of any size, one line at a time, with the explainer's own steps, so
 * that the counts are those `explain` gives on the same text: every line through the shared line step
 * (`LineFinder`), and its findings through the explainer's echo filter run by stretches: findings further
 * apart than the filter looks never affect each other, so each stretch between quiet runs is filtered alone,
 * and a rule's findings merge across stretches as they do across a paste. Memory stays bounded: one counter
 * and one example per category, the current stretch, the start of the log until the client-command prescan
 * can say (at most what `explain` would read), and the session machine's bounded state.
 */
export class SummaryCounter {
  private readonly counts = new Map<string, CategoryCount>();
  private readonly judge = new LogJudge();
  private readonly parses = new ParseOnce();
  private readonly extensions: Extensions;
  private readonly rules = new Map<string, RuleTally>();
  private finder: LineFinder | undefined;
  /** Masks the lines past the start as `explain`'s secrets pass would (set when the start is read). */
  private secrets: LogSecrets | undefined;
  private secretsInStart = false;
  /** What a client's output proves as a whole, when the log is read whole like a paste. */
  private facts: FindingData | undefined;
  /** Lines read before the prescan decided (a paste's own prescan reads the whole paste). */
  private head: string[] | undefined = [];
  private headChars = 0;
  /** The start read whole (masked), for the learned last resort `analyse` applies to a whole paste. */
  private wholeLines: string[] | undefined;
  /** Whether a finding of a documented error, a rule or the fallbacks was counted (not the unknown entry). */
  private known = false;
  /** The unknown entry's findings counted, by what groups them as `explain` groups repeats. */
  private readonly unknownReplies = new Map<
    string,
    { lineNumber: number; n: number; finding: FindingData }
  >();
  private stretch: Found[] = [];
  private stretchEnd = 0;
  private lineCount = 0;
  private errorCount = 0;
  /**
   * The explainer's reading of a name's form (server-log/name-form.ts), one line at a time: the lines about a
   * bare name from an address, each address's last login with a domain, and the failures counted before one.
   */
  private readonly bareNames = new Map<number, string>();
  private readonly lastLogin = new Map<string, number>();
  private readonly failedBare = new Map<string, { n: number; finding: FindingData }>();

  constructor(
    private readonly kb: KnowledgeBase = defaultKnowledgeBase(),
    extensions: Extensions = DEFAULT_EXTENSIONS,
    /** How much of the start is read as `explain` reads a paste; past it, the log streams (tests lower it). */
    private readonly wholeUpTo: { chars: number; lines: number } = {
      chars: MAX_INPUT_CHARS,
      lines: MAX_LINES,
    },
  ) {
    this.extensions = this.parses.extensions(extensions);
  }

  /** One line of the log, as written. */
  push(line: string): void {
    this.pushCleaned(cleanPaste(line).text);
  }

  /**
   * One line already through `cleanPaste` (it works line by line, so a reader may clean a whole chunk at once).
   */
  pushCleaned(line: string): void {
    const lineNumber = ++this.lineCount;
    if (this.head) {
      this.head.push(line);
      this.headChars += line.length + 1;
      if (this.headChars > this.wholeUpTo.chars || this.head.length > this.wholeUpTo.lines) this.start();
      return;
    }
    this.step(this.secrets!.mask(line), lineNumber);
  }

  result(): SummaryResult {
    if (this.head) this.start(true);
    this.flush();
    this.readWhole();
    const categories = [...this.counts.values()].sort(
      (a, b) => b.count - a.count || a.category.localeCompare(b.category),
    );
    return {
      lines: this.lineCount,
      errors: this.errorCount,
      categories,
      secretFound:
        this.secretsInStart || (this.secrets?.found ?? false) || (this.finder?.machine.secretFound ?? false),
      verdicts: this.judge.verdicts(),
    };
  }

  /**
   * The prescan of the start decides how the session machine reads a first reply; then the start is read.
   * `whole`: the start is the whole log, which `explain` would read as one paste: its findings are filtered
   * together, with what a client's output proves as a whole (`factsFinding`).
   */
  private start(whole = false): void {
    const start = this.head ?? [];
    this.head = undefined;
    // What `explain` reads: the lines with their secrets masked, by the whole-paste pass when read whole.
    this.secrets = new LogSecrets(start);
    const masked = whole ? LogSecrets.whole(start) : undefined;
    this.secretsInStart = masked?.found ?? false;
    const head = masked?.lines ?? start.map((line) => this.secrets!.mask(line));
    this.finder = new LineFinder({
      kb: this.kb,
      extensions: this.extensions,
      hasClientCommands: showsClientCommands(head),
      ...(whole ? { programStep: programStep(head) } : {}),
    });
    if (!whole) {
      head.forEach((line, i) => this.step(line, i + 1));
      return;
    }
    head.forEach((line, i) => {
      this.judgeLine(line, i + 1);
      this.finder!.feed(line, i + 1, this.stretch);
    });
    // As `analyse` does: what the output proves as a whole joins after the echoes are dropped.
    this.facts = factsFinding(head, this.kb);
    this.wholeLines = head;
  }

  /** The whole-log judge reads every line's server-log event; so does the reading of a name's form. */
  private judgeLine(line: string, lineNumber: number): void {
    const event = this.parses.parse(line);
    if (!event) return;
    this.judge.push(event, lineNumber);
    const bare = bareNameKey(event);
    if (bare) remember(this.bareNames, lineNumber, bare);
    const login = domainLoginKey(event);
    if (!login) return;
    remember(this.lastLogin, login, lineNumber);
    // Failures of that bare name counted before this login were the name's form.
    const failed = this.failedBare.get(login);
    if (!failed) return;
    this.failedBare.delete(login);
    this.uncount(failed.finding, failed.n);
    this.count({ ...failed.finding, ...UNKNOWN_NAME }, failed.n);
  }

  private step(line: string, lineNumber: number): void {
    this.judgeLine(line, lineNumber);
    // A finding made from this line on may stand one wrapped line earlier (a joined dialog).
    if (this.stretch.length > 0 && lineNumber - 1 > this.stretchEnd + ECHO_REACH) this.flush();
    const before = this.stretch.length;
    this.finder!.feed(line, lineNumber, this.stretch);
    for (let i = before; i < this.stretch.length; i++) {
      this.stretchEnd = Math.max(this.stretchEnd, this.stretch[i]!.finding.evidence.lineNumber);
    }
    if (this.stretch.length >= MAX_GROUP) this.flush();
  }

  private flush(): void {
    const stretch = this.stretch;
    if (stretch.length === 0 && !this.facts) return;
    this.stretch = [];
    // A rule's first finding from an earlier stretch goes first, far from this one, for the later ones to
    // merge into, as the explainer merges them over a whole paste.
    const earlier = new Set<Found>();
    const touched = new Set<RuleTally>();
    const fresh = new Set<string>();
    const untracked = new Set<string>();
    for (const f of stretch) {
      const key = ruleKey(f);
      if (key === undefined) continue;
      let tally = this.rules.get(key);
      if (!tally) {
        if (this.rules.size >= MAX_RULE_KEYS) {
          untracked.add(key);
          continue;
        }
        tally = { seen: 0, counted: 0, kept: false, first: f };
        this.rules.set(key, tally);
        fresh.add(key);
      } else if (!fresh.has(key)) earlier.add(tally.first);
      tally.seen++;
      touched.add(tally);
    }
    const kept = dropEchoes([...earlier, ...stretch]);
    const facts = this.facts;
    this.facts = undefined;
    // What the output proves as a whole is one finding, whatever rule concluded it.
    if (facts && factsJoin(kept, facts)) this.count(facts, 1);
    for (const finding of kept) {
      if (!finding.evidence.rule) {
        this.count(finding, 1);
        continue;
      }
      const key = ruleKey({ finding, kind: 'server', quoted: false })!;
      // Past the tracked keys, a rule merges within its stretch only.
      if (untracked.has(key)) this.count(finding, 1 + (finding.evidence.alsoLines?.length ?? 0));
      // Only a rule's first finding is kept; the rest are its `alsoLines` (counted below).
      if (!fresh.has(key)) continue;
      const tally = this.rules.get(key)!;
      tally.kept = true;
      this.countRule(tally);
    }
    for (const tally of touched) this.countRule(tally);
  }

  /** A rule's findings count while the explainer lists them (the first and its `alsoLines`), if it kept them. */
  private countRule(tally: RuleTally): void {
    const listed = tally.kept ? Math.min(tally.seen, 1 + MAX_ALSO_LINES) : 0;
    if (listed > tally.counted) this.count(tally.first.finding, listed - tally.counted);
    tally.counted = listed;
  }

  private count(finding: FindingData, n: number): void {
    const bare =
      finding.category === 'auth.failed' ? this.bareNames.get(finding.evidence.lineNumber) : undefined;
    if (bare !== undefined) {
      if ((this.lastLogin.get(bare) ?? 0) > finding.evidence.lineNumber) {
        this.count({ ...finding, ...UNKNOWN_NAME }, n);
        return;
      }
      const failed = this.failedBare.get(bare);
      if (failed) failed.n += n;
      else remember(this.failedBare, bare, { n, finding });
    }
    if (finding.entry !== UNKNOWN_ENTRY_ID) this.known = true;
    else if (this.wholeLines) {
      // Grouped as groupRepeats groups them: the entry reached the same way, for the same command.
      const key = `${finding.evidence.basis}\u0000${finding.evidence.command ?? ''}`;
      const reply = this.unknownReplies.get(key);
      if (reply) reply.n += n;
      else this.unknownReplies.set(key, { lineNumber: finding.evidence.lineNumber, n, finding });
    }
    this.errorCount += n;
    const existing = this.counts.get(finding.category);
    if (existing) existing.count += n;
    else {
      const { lineNumber, line } = finding.evidence;
      this.counts.set(finding.category, {
        category: finding.category,
        count: n,
        example: { lineNumber, line, entry: finding.entry },
      });
    }
  }

  /**
   * As `analyse` does for a paste read whole: another service's paste, with nothing of POP, counts nothing;
   * else, where only the unknown entry (or nothing) was found, the learned reading of its lines counts, in place
   * of an unknown reply of its own line that no repeat joins.
   */
  private readWhole(): void {
    const lines = this.wholeLines;
    this.wholeLines = undefined;
    if (!lines) return;
    const messages = this.finder?.messageLines;
    const output =
      messages && messages.size > 0 ? lines.map((l, i) => (messages.has(i + 1) ? '' : l)) : lines;
    if (speaksOfAnotherService(output)) {
      this.counts.clear();
      this.errorCount = 0;
      return;
    }
    if (this.known) return;
    const learned = learnedFinding(output, defaultLearnedModel(), this.kb);
    if (!learned) return;
    this.count(learned, 1);
    for (const reply of this.unknownReplies.values())
      if (reply.n === 1 && reply.lineNumber === learned.evidence.lineNumber) this.uncount(reply.finding, 1);
  }

  private uncount(finding: FindingData, n: number): void {
    this.errorCount -= n;
    const existing = this.counts.get(finding.category)!;
    existing.count -= n;
    if (existing.count === 0) this.counts.delete(finding.category);
  }
}

/** Sets a key of a map kept to `MAX_RULE_KEYS` entries: past it, the oldest goes. */
function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.delete(key);
  if (map.size >= MAX_RULE_KEYS) map.delete(map.keys().next().value as K);
  map.set(key, value);
}
