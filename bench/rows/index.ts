import type { Row } from '../lib/context.js';
import { adversarial } from './adversarial.js';
import { capacity } from './capacity.js';
import { checkDovecot } from './check-dovecot.js';
import { coldStart } from './cold-start.js';
import { explainGrowth, explainPaste } from './explain-paste.js';
import { memory } from './memory.js';
import { screenshotAccuracy } from './screenshot-accuracy.js';
import { screenshotOcr } from './screenshot.js';
import { slackHttp } from './slack-http.js';
import { summaryLog, summaryServerLog } from './summary-log.js';

/** In the order. */
export const ROWS: readonly Row[] = [
  explainPaste,
  explainGrowth,
  summaryLog,
  summaryServerLog,
  adversarial,
  checkDovecot,
  slackHttp,
  capacity,
  coldStart,
  memory,
  screenshotOcr,
  screenshotAccuracy,
];
