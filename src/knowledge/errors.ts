/** Why the knowledge base could not be loaded; the message names the file and the field. */
export class KnowledgeError extends Error {
  override name = 'KnowledgeError' as const;
  readonly code = 'knowledge.invalid' as const;
  constructor(
    message: string,
    readonly file: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
