import { popCommand } from '../pop-commands.js';

/**
 * The POP step a program was running when it failed, where its output says so without a transcript: a
 * Python traceback names the poplib method the script called (`box.stls()` → `in stls`), and every reply the
 * traceback quotes was received inside that step — poplib's stls() first asks CAPA, so a refused CAPA there
 * is the STLS step failing. The last traceback counts: it is the exception the program ended with.
 */

export interface ProgramStep {
  verb: string;
  /** The line of the frame that names it. */
  lineNumber: number;
}

const FRAME = /^\s*File "([^"]{1,500})", line \d+, in (\w+)/;
const TRACEBACK = /^\s*Traceback \(most recent call last\):/;
const POPLIB_FILE = /(?:^|[\\/])poplib\.py$/;
// poplib's public methods are the commands' names, lower-cased (`pass_` for the keyword).
const METHOD_VERB: Readonly<Record<string, string>> = { pass_: 'PASS' };

function verbOf(method: string): string | undefined {
  const verb = METHOD_VERB[method] ?? method.toUpperCase();
  return popCommand(verb) ? verb : undefined;
}

/** The poplib step the last traceback of a paste shows the script calling, if any. */
export function programStep(lines: readonly string[]): ProgramStep | undefined {
  let step: ProgramStep | undefined;
  let inLibrary = false;
  let found = false;
  lines.forEach((line, i) => {
    if (TRACEBACK.test(line)) {
      // A new traceback: the step is the outermost poplib call in it, the frame after the script's own.
      inLibrary = false;
      found = false;
      return;
    }
    const frame = FRAME.exec(line);
    if (!frame) return;
    const library = POPLIB_FILE.test(frame[1] ?? '');
    if (library && !inLibrary && !found) {
      const verb = verbOf(frame[2] ?? '');
      if (verb) {
        step = { verb, lineNumber: i + 1 };
        found = true;
      }
    }
    inLibrary = library;
  });
  return step;
}
