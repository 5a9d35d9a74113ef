/** `pnpm bench`: every benchmark, one after another, printing figures. */
import { main as firstVisit } from './firstVisit.bench';
import { main as importAlignment } from './importAlignment.bench';
import { main as checks } from './checks.bench';
import { main as exportBench } from './export.bench';
import { main as latency } from './latency.bench';
import { main as longHistory } from './longHistory.bench';
import { main as manyDeclarations } from './manyDeclarations.bench';
import { main as reference } from './reference.bench';
import { main as sinceLastVisit } from './sinceLastVisit.bench';
import { main as trace } from './trace.bench';
import { main as versions } from './versions.bench';
import { main as writeCheck } from './writeCheck.bench';

process.setMaxListeners(0);
console.log('# Accord benchmarks');
for (const bench of [firstVisit, latency, writeCheck, checks, versions, reference, trace, longHistory, manyDeclarations, sinceLastVisit, importAlignment, exportBench]) {
  console.log('');
  await bench();
}
