import WebSocket from 'ws';

/** Options that make a Node process listen for an inspector on a free loopback port (see `inspectorUrl`). */
export const INSPECTOR_NODE_OPTIONS = '--inspect=127.0.0.1:0';

/** The inspector's WebSocket URL, from the line Node prints to stderr when it starts listening. */
export function inspectorUrl(stderr: string): string {
  const match = /Debugger listening on (ws:\/\/\S+)/.exec(stderr);
  if (!match) throw new Error('the process did not print an inspector URL (was it started with --inspect?)');
  return match[1]!;
}

/**
 * Runs a full garbage collection in another Node process through its inspector
 * (`HeapProfiler.collectGarbage`), then returns its V8 heap in use and reserved (MiB). A process
 * started without --expose-gc cannot be asked to collect any other way, and without a collection
 * its memory mixes what it holds with garbage V8 has not yet had a reason to reclaim.
 */
export async function forceGarbageCollection(url: string): Promise<{ usedMiB: number; totalMiB: number }> {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  try {
    let nextId = 0;
    const call = (method: string) =>
      new Promise<unknown>((resolve, reject) => {
        const id = ++nextId;
        const onMessage = (data: WebSocket.RawData) => {
          const message = JSON.parse(data.toString()) as { id?: number; result?: unknown; error?: { message: string } };
          if (message.id !== id) return;
          socket.off('message', onMessage);
          if (message.error) reject(new Error(`${method}: ${message.error.message}`));
          else resolve(message.result);
        };
        socket.on('message', onMessage);
        socket.send(JSON.stringify({ id, method }));
      });
    await call('HeapProfiler.collectGarbage');
    const usage = (await call('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
    return { usedMiB: usage.usedSize / 1048576, totalMiB: usage.totalSize / 1048576 };
  } finally {
    socket.close();
  }
}
