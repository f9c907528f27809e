// How often each ticked place was drawn for mixing in the last epoch: the method draws one place per batch,
// uniformly among the ticked ones, so over an epoch the counts should be about equal.
import type { EpochRecord } from './run-history.js';
import { placeName, type Settings } from './settings.js';

export function drawsText(record: EpochRecord | undefined, settings: Settings): string {
  if (settings.mix.length === 0) return 'Nothing is ticked: the mixup model mixes nowhere.';
  if (record == null || record.epoch === 0) return 'Each batch mixes at one ticked place, drawn at random.';
  const batches = record.draws.reduce((a, b) => a + b, 0);
  const counts = settings.mix.map((place) => `${placeName(place)} ${record.draws[place] ?? 0}×`).join(', ');
  return `Epoch ${record.epoch} drew ${counts} (of ${batches} batches).`;
}
