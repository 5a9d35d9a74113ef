/**
 * Real editing traces (josephg/editing-traces, CC BY 4.0), read from `../shared/traces/` beside the
 * repository: they are shared read-only data, never copied into the project. A trace is checked
 * before it is used — every patch applied in order to `startContent` must give `endContent` — so
 * a benchmark never measures a replay of something misread.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { REPO_ROOT } from '../support/startAccord';

const TRACES_DIR = resolve(REPO_ROOT, '../shared/traces');

/** One patch, converted to UTF-16 code units (what `Y.Text` / `Y.XmlText` positions count). */
export interface TracePatch {
  pos: number;
  deleted: number;
  inserted: string;
}

export interface Trace {
  name: string;
  startContent: string;
  endContent: string;
  /** One entry per recorded transaction, its patches in order (each against the text the previous left). */
  txns: TracePatch[][];
  patches: number;
}

/** Reads `<TRACES_DIR>/<file>` (gzipped JSON); throws if it is malformed or does not replay to its end. */
export function loadTrace(file: string): Trace {
  const json: unknown = JSON.parse(gunzipSync(readFileSync(join(TRACES_DIR, file))).toString('utf8'));
  if (!isRecord(json) || typeof json.startContent !== 'string' || typeof json.endContent !== 'string' || !Array.isArray(json.txns)) {
    throw new Error(`${file}: not an editing trace ({ startContent, endContent, txns })`);
  }
  const { startContent, endContent } = json;
  const raw = json.txns.map((txn: unknown, i) => {
    if (!isRecord(txn) || !Array.isArray(txn.patches)) throw new Error(`${file}: txn ${i} has no patches`);
    return txn.patches.map((patch: unknown): [number, number, string] => {
      if (!Array.isArray(patch) || typeof patch[0] !== 'number' || typeof patch[1] !== 'number' || typeof patch[2] !== 'string') {
        throw new Error(`${file}: txn ${i} has a malformed patch ${JSON.stringify(patch)}`);
      }
      return [patch[0], patch[1], patch[2]];
    });
  });

  // Positions count Unicode code points. Without astral characters (none in the traces shipped
  // today) that is also the UTF-16 index; with some, each patch is converted on the way.
  const astral = /[\uD800-\uDFFF]/;
  const needsConversion = astral.test(startContent) || raw.some((txn) => txn.some(([, , text]) => astral.test(text)));
  const text = new CodePointBuffer(startContent);
  let patches = 0;
  const txns = raw.map((txn, i) =>
    txn.map(([pos, deleted, inserted]): TracePatch => {
      patches++;
      if (pos < 0 || deleted < 0 || pos + deleted > text.length) {
        throw new Error(`${file}: txn ${i} patch [${pos}, ${deleted}] lies outside the text (${text.length} code points)`);
      }
      const converted = needsConversion
        ? { pos: text.utf16Length(0, pos), deleted: text.utf16Length(pos, pos + deleted), inserted }
        : { pos, deleted, inserted };
      text.splice(pos, deleted, inserted);
      return converted;
    }),
  );
  const replayed = text.toString();
  if (replayed !== endContent) {
    let at = 0;
    while (at < replayed.length && replayed[at] === endContent[at]) at++;
    throw new Error(`${file}: applying every patch to startContent does not give endContent (first difference at UTF-16 index ${at})`);
  }
  return { name: file.replace(/\.json\.gz$/, ''), startContent, endContent, txns, patches };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Text as code points in a gap buffer: edits in a trace cluster around the caret, so moving the
 * gap is short and the check runs in well under a second, where re-slicing a 60 k string per
 * keystroke would take many.
 */
class CodePointBuffer {
  private buffer: Uint32Array;
  private gapStart: number;
  private gapEnd: number;

  constructor(initial: string) {
    const points = Array.from(initial, (c) => c.codePointAt(0)!);
    this.buffer = new Uint32Array(Math.max(1024, points.length * 2));
    this.buffer.set(points);
    this.gapStart = points.length;
    this.gapEnd = this.buffer.length;
  }

  get length(): number {
    return this.buffer.length - (this.gapEnd - this.gapStart);
  }

  splice(pos: number, deleted: number, inserted: string): void {
    this.moveGap(pos);
    this.gapEnd += deleted;
    const points = Array.from(inserted, (c) => c.codePointAt(0)!);
    if (points.length > this.gapEnd - this.gapStart) this.grow(points.length);
    this.buffer.set(points, this.gapStart);
    this.gapStart += points.length;
  }

  /** UTF-16 code units taken by the code points in [from, to). */
  utf16Length(from: number, to: number): number {
    let units = 0;
    for (let i = from; i < to; i++) units += this.at(i) > 0xffff ? 2 : 1;
    return units;
  }

  toString(): string {
    let out = '';
    const chunk = 8192;
    for (const part of [this.buffer.subarray(0, this.gapStart), this.buffer.subarray(this.gapEnd)]) {
      for (let i = 0; i < part.length; i += chunk) out += String.fromCodePoint(...part.subarray(i, i + chunk));
    }
    return out;
  }

  private at(i: number): number {
    return this.buffer[i < this.gapStart ? i : i + (this.gapEnd - this.gapStart)]!;
  }

  private moveGap(pos: number): void {
    if (pos < this.gapStart) {
      const n = this.gapStart - pos;
      this.buffer.copyWithin(this.gapEnd - n, pos, this.gapStart);
      this.gapStart = pos;
      this.gapEnd -= n;
    } else if (pos > this.gapStart) {
      const n = pos - this.gapStart;
      this.buffer.copyWithin(this.gapStart, this.gapEnd, this.gapEnd + n);
      this.gapStart += n;
      this.gapEnd += n;
    }
  }

  private grow(needed: number): void {
    const tail = this.buffer.length - this.gapEnd;
    const next = new Uint32Array((this.buffer.length + needed) * 2);
    next.set(this.buffer.subarray(0, this.gapStart));
    next.set(this.buffer.subarray(this.gapEnd), next.length - tail);
    this.gapEnd = next.length - tail;
    this.buffer = next;
  }
}
