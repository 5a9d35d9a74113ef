/** `pnpm bench`: every benchmark, one after another, printing figures. */
import { main as firstVisit } from './firstVisit.bench';
import { main as latency } from './latency.bench';
import { main as longHistory } from './longHistory.bench';
import { main as manyDeclarations } from './manyDeclarations.bench';
import { main as reference } from './reference.bench';
import { main as trace } from './trace.bench';
import { main as versions } from './versions.bench';
import { main as writeCheck } from './writeCheck.bench';

process.setMaxListeners(0);
console.log('# Accord benchmarks');
for (const bench of [firstVisit, latency, writeCheck, versions, reference, trace, longHistory, manyDeclarations]) {
  console.log('');
  await bench();
}
