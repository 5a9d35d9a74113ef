/** `pnpm bench`: every benchmark, one after another, printing figures. */
import { main as latency } from './latency.bench';

process.setMaxListeners(0);
console.log('# Accord benchmarks\n');
await latency();
