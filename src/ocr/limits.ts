/** Every bound the screenshot reader keeps, in one place: a picture is a stranger's input like a paste. */
export const IMAGE_LIMITS = {
  /** Largest file accepted, checked before anything decodes it. */
  maxBytes: 10 * 1024 * 1024,
  /** Largest picture accepted, from its header, before decoding: a small PNG can claim a huge canvas. */
  maxPixels: 40_000_000,
  /** Longest side after pre-processing: larger pictures are scaled down, OCR time grows with the area. */
  maxSide: 2600,
  /** Text narrower than this (a picture's width in pixels) is scaled up before OCR: tesseract wants ~20 px letters. */
  upscaleBelowWidth: 1100,
  /** One picture's OCR time limit. */
  timeoutMs: 20_000,
  /** Pictures waiting or being read at once, in the whole process, and per user. */
  maxQueued: 8,
  maxQueuedPerUser: 2,
  /** Under this mean word confidence (0–100) the answer says the picture was hard to read. */
  lowConfidence: 60,
} as const;
