import { buildKnowledgeCache } from './load.js';

// Run by `npm run build`: validates the knowledge base and stores it parsed, for a fast start.
try {
  const kb = buildKnowledgeCache();
  process.stdout.write(`knowledge base: ${kb.entries.length} entries validated and cached\n`);
} catch (error) {
  process.stderr.write(`popbot: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
