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
  /** How much it counts (a translation memory pair's MEMORY_WEIGHT); 1 unless said. */
  weight?: number;
  producers?: string[];
  provenance?: string;
}
export declare const CAPTURED: string;
export declare function capturedCases(): CapturedCase[];
export declare function trainingSamples(kb: KnowledgeBase): Sample[];
export declare const MEMORY_WEIGHT: number;
export declare function memorySamples(weight?: number): (Sample & { lang: 'fr' | 'vi'; weight: number })[];
export declare function yamlFiles(dir: string): string[];
