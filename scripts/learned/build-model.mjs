#!/usr/bin/env node
// Run by `npm run build`: trains the learned fallback (src/explain/fallback/learned-*.ts) from the labelled
// tuning texts and the knowledge base's examples (scripts/learned/samples.mjs) and writes the model beside the
// knowledge cache. Deterministic: the same texts give the same bytes.
import { writeFileSync } from 'node:fs';
import { trainModel } from '../../dist/src/explain/fallback/learned-model.js';
import { defaultLearnedModelFile } from '../../dist/src/knowledge/learned-file.js';
import { defaultKnowledgeBase } from '../../dist/src/knowledge/load.js';
import { trainingSamples } from './samples.mjs';

const samples = trainingSamples(defaultKnowledgeBase());
const model = trainModel(samples);
const bytes = JSON.stringify(model);
writeFileSync(defaultLearnedModelFile(), bytes);
process.stdout.write(
  `learned fallback: ${samples.length} texts, ${model.classes.length} categories, ${model.vocabulary} features, ${Math.round(bytes.length / 1024)} KiB\n`,
);
