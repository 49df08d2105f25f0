/**
 * Whether a character ends a token or a URL's authority: `[\s"'<>`]`, read by character code (`\s` is
 * ECMAScript's white space and line terminators). It is asked of every character around every `@` of a
 * paste, where a pattern test per character cost more than the rest of the reading.
 */
export function isTokenStop(code: number): boolean {
  switch (code) {
    case 0x22: // "
    case 0x27: // '
    case 0x3c: // <
    case 0x3e: // >
    case 0x60: // `
    case 0x09:
    case 0x0a:
    case 0x0b:
    case 0x0c:
    case 0x0d:
    case 0x20:
    case 0xa0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
    case 0xfeff:
      return true;
    default:
      return code >= 0x2000 && code <= 0x200a;
  }
}
