/** Turns a print view into PDF bytes; an expected failure (no browser here) is a value, with its reason. */
export interface PdfRenderer {
  render(html: string): Promise<PdfResult>;
  /** Ends the browser, if one was started. */
  close(): Promise<void>;
}

export type PdfResult = { ok: true; pdf: Buffer } | { ok: false; reason: string };
