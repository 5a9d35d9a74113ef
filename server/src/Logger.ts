/** Where the server reports what happened. Fields are plain values or errors; never tokens or document text. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** One JSON line per event on stderr, for `main.ts`. */
export const jsonLogger: Logger = {
  info: (message, fields) => write('info', message, fields),
  warn: (message, fields) => write('warn', message, fields),
  error: (message, fields) => write('error', message, fields),
};

/** For tests: drops everything. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

function write(level: string, message: string, fields?: Record<string, unknown>): void {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }, errorsWithStacks)}\n`);
}

/** `JSON.stringify` writes an `Error` as `{}`: its name, message and stack are what a log needs. */
function errorsWithStacks(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
}
