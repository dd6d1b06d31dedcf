import type { Benchmark } from '../types.js'
import { award } from './award.js'
import { distance } from './distance.js'
import { match } from './match.js'
import { onspdShaped } from './onspdShaped.js'
import { postcodesImport, postcodesImportPostgres } from './postcodesImport.js'
import { rank } from './rank.js'
import { ledger } from './ledger.js'

/** Every benchmark `npm run bench` knows, in the order it runs them. */
export const benchmarks: Benchmark[] = [postcodesImport, postcodesImportPostgres, onspdShaped, distance, award, match, rank, ledger]
