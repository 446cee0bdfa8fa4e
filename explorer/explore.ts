import { exploreCached } from './cached';
import { exploreDirect } from './direct';
import type { ExploreOptions, ExploreResult } from './types';

/**
 * Breadth-first exploration of every world reachable from the configuration's setup, each
 * step checked by `check`. Breadth-first means the first violation found has a shortest trace.
 * Two engines: 'cached' (the default, cached.ts) replays answers learned from the model over
 * rows of components; 'direct' (direct.ts) asks the model on every step. They agree
 * (cache.test.ts).
 *
 * @example
 *   const r = await explore({ config: DEFAULT_CONFIG, check: (step) => checkStep(step) });
 *   r.states; // 1,762,350 at the fixpoint
 */
export async function explore<V>(options: ExploreOptions<V>): Promise<ExploreResult<V>> {
  return (options.engine ?? 'cached') === 'cached' ? exploreCached(options) : exploreDirect(options);
}
