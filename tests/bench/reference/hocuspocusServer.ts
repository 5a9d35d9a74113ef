/**
 * The Hocuspocus reference server for the load comparison: `@hocuspocus/server` with its SQLite
 * extension on a file, as its documentation sets it up. Prints `listening` once ready.
 */
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

const server = new Server({
  port: Number(process.env.PORT),
  address: '127.0.0.1',
  quiet: true,
  extensions: [new SQLite({ database: process.env.DB_FILE! })],
});
await server.listen();
console.log('listening');
