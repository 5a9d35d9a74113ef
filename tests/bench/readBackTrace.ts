import { waitForDoc } from '../support/yClient';
import { type ClientKind, connectBenchClient } from './benchClient';
import { traceText } from './traceText';

/** A stored copy without the trace paragraph never shows it: give up after this long. */
const READ_BACK_MS = 15_000;

/**
 * What a (restarted) server serves of a replayed trace: a fresh client's text of the trace
 * paragraph `sid`, or `null` if the paragraph never arrives (nothing of it was stored). It waits
 * for the paragraph rather than for the sync alone, because y-websocket@1 answers the sync before
 * its LevelDB read completes and sends the stored state as one update afterwards: the first time
 * the paragraph is there, all that was stored is.
 */
export async function readBackTrace(kind: ClientKind, url: string, room: string, sid: string): Promise<string | null> {
  const client = connectBenchClient(kind, url, room);
  let timer: NodeJS.Timeout | undefined;
  try {
    const arrived = client.synced().then(() => waitForDoc(client.doc, (doc) => traceText(doc, sid) !== null));
    const gaveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, READ_BACK_MS)));
    await Promise.race([arrived, gaveUp]);
    return traceText(client.doc, sid);
  } finally {
    clearTimeout(timer);
    client.destroy();
  }
}
