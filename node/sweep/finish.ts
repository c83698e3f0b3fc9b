/** Regenerates a directory's outputs from its journal and says what is there. */
import type { Shard } from './outputs';
import { writeOutputs } from './outputs';
import { buildManifest } from './state';
import type { Journal } from './journal';
import type { LoadedSweep } from './load';
import { displayPath } from '../cli/paths';

export interface FinishReport {
  finished: number;
  expected: number;
  complete: boolean;
  line: string;
}

export async function finishDirectory(dir: string, loaded: LoadedSweep, shard: Shard | null, journal: Journal): Promise<FinishReport> {
  await journal.flush();
  const records = journal.records();
  const manifest = buildManifest(loaded, shard, records);
  await writeOutputs(dir, manifest, records);
  const where = displayPath(dir);
  const line = manifest.complete
    ? `${where}: ${manifest.finishedRuns} runs${shard ? ` (shard ${shard.index}/${shard.count} of ${manifest.runCount})` : ''} in runs.csv, runs.parquet, manifest.json`
    : `${where}: ${manifest.finishedRuns} of ${manifest.expectedRuns} runs so far; run the same command again to finish`;
  return { finished: manifest.finishedRuns, expected: manifest.expectedRuns, complete: manifest.complete, line };
}
