import { OcrEngine } from './ocr-engine.js';

let engine: OcrEngine | undefined;

/**
 * The process's one OCR worker, shared by every chat adapter `popbot start` runs, so the per-user queue
 * limits and the worker's memory hold for the whole process. Started by the first picture.
 */
export function processOcrEngine(env: NodeJS.ProcessEnv = process.env): OcrEngine {
  engine ??= new OcrEngine(env);
  return engine;
}
