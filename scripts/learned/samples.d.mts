// Types of samples.mjs for the TypeScript tests that read it.
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';

export interface CapturedCase {
  id: string;
  text: string;
  category: string;
  lang: 'en' | 'fr' | 'vi';
  kind: string;
  /** The folder of test/fixtures/captured it belongs to (its set). */
  folder: string;
}
export interface Sample {
  text: string;
  category: string;
  source: string;
  set: string;
  producers?: string[];
  provenance?: string;
}
export declare const CAPTURED: string;
export declare function capturedCases(): CapturedCase[];
export declare function trainingSamples(kb: KnowledgeBase): Sample[];
