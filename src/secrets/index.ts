export { EchoMasker, echoedSecrets, maskEchoes } from './echoes.js';
export { LineMasker, maskLine, maskSecretLines, maskSecrets, type MaskedText } from './mask.js';
export { isFlattened } from './pop-commands.js';
export { isPlaceholder, MASK } from './spans.js';
export { targetHasCredentials } from './target.js';
