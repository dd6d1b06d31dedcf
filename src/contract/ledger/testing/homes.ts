/** A children's home with beds, for ledger tests and the benchmark: near the council, taking 11–17s of either sex. */
import type { RegistrationCategoryCode } from '../../../market/domain/categories.js'
import type { NeedCode } from '../../../market/domain/needs.js'
import type { MarketService } from '../../../market/marketService.js'
import { CENTRE } from '../../../market/testing/marketFixtures.js'
import type { Actor } from '../../../platform/auth/actor.js'

export type HomeSpec = {
  n: number
  name: string
  providerId: string
  beds: number
  needs?: NeedCode[]
  categories?: RegistrationCategoryCode[]
}

export function createHomeWithBeds(market: Pick<MarketService, 'createHome'>, actor: Actor, h: HomeSpec) {
  return market.createHome(actor, {
    urn: `SC${String(h.n).padStart(6, '0')}`,
    name: h.name,
    providerId: h.providerId,
    postcode: null,
    location: { easting: CENTRE.easting + 500 * (h.n % 100), northing: CENTRE.northing, precision: 'unit', lad: 'E06000045' },
    registeredPlaces: h.beds,
    beds: h.beds,
    sexesAccepted: 'mixed',
    status: 'active',
    ageMin: 11,
    ageMax: 17,
    ofstedJudgement: 'Good',
    ofstedJudgementDate: '2025-01-10',
    categories: h.categories ?? ['EBD'],
    needs: h.needs ?? ['self-harm'],
  })
}
