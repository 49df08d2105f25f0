/**
 * Discord's message limits (developer docs, "Embed Limits" and "Create Message"). A reply over any of them
 * is refused with a 400, so the renderer fits its output under every one.
 */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  /** Sum of every title, description, field name and value, footer text and author name in one message. */
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Modal title, text-input and label labels. */
  modalTitle: 45,
  modalLabel: 45,
  modalDescription: 100,
  customId: 100,
  commandName: 32,
  commandDescription: 100,
} as const;
