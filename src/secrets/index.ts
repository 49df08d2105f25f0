export { maskEchoes } from './echoes.js';
export { maskLine, maskSecrets, type MaskedText } from './mask.js';
export { isPlaceholder, MASK } from './spans.js';
export { targetHasCredentials } from './target.js';
