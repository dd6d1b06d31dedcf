import type { Benchmark } from '../types.js'

/** The bed ledger's full re-derivation and payment runs (filled in by the ledger part). */
export const ledger: Benchmark = {
  name: 'ledger',
  title: 'Bed ledger: full re-derivation and payment runs',
  description: 'Not built yet.',
  runs: 3,
  run: async () => ({ skipped: 'not built yet' }),
}
