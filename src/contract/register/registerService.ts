/** The contract register beyond awards: hand entry, terms, reserved beds, variations, CPI, indexation, extension. */
import type { ContractContext } from '../context.js'
import { createBedRoutes } from './bedRoutes.js'
import { createEntry } from './entry.js'
import { createExtensionPack, type PackSources } from './extensionPack.js'
import { createExtensions } from './extensionService.js'
import { createIndexation } from './indexationService.js'
import { createRegisterReads } from './registerReads.js'
import { createRegisterShared } from './shared.js'
import { createVariations } from './variationService.js'

export function createRegisterPart(ctx: ContractContext, sources: PackSources) {
  const s = createRegisterShared(ctx)
  return {
    ...createBedRoutes(s),
    ...createRegisterReads(s),
    ...createEntry(s),
    ...createVariations(s),
    ...createIndexation(s),
    ...createExtensions(s),
    ...createExtensionPack(s, sources),
  }
}
