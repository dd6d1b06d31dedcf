import type { HomeVacancy } from '../../domain/vacancy.js'
import { categoryMask, judgementCode, needMask, riskMask, routeCode, SEXES_ACCEPTED_BITS, statusCode } from './bits.js'

/** No upper age bound; no price; no resident's age known. */
export const NO_AGE_MAX = 999
export const NO_PRICE = -1
export const NO_AGE = -1

/**
 * The market as a struct of typed arrays, one slot per home: built once when vacancies change,
 * read by every ranking. Codes are bits in the order of their lists (see bits.ts).
 */
export type Market = {
  size: number
  homeIds: string[]
  names: (string | null)[]
  route: Uint8Array
  status: Uint8Array
  categories: Uint8Array
  needs: Uint32Array
  sexes: Uint8Array
  ageMin: Int16Array
  ageMax: Int16Array
  judgement: Uint8Array
  vacantBeds: Uint16Array
  soloOnly: Uint8Array
  residents: Uint16Array
  /** Every current resident's risk flags, ORed: compatibility only asks whether anyone here has a flag. */
  residentFlags: Uint16Array
  youngestResident: Int16Array
  oldestResident: Int16Array
  weeklyPricePence: Int32Array
  located: Uint8Array
  eastings: Int32Array
  northings: Int32Array
}

const wholeIn = (v: number, lo: number, hi: number) => Number.isInteger(v) && v >= lo && v <= hi

/** Encodes homes in the order given; throws a RangeError naming the home when a field cannot be held. */
export function encodeMarket(homes: readonly HomeVacancy[]): Market {
  const n = homes.length
  const m: Market = {
    size: n,
    homeIds: new Array<string>(n),
    names: new Array<string | null>(n),
    route: new Uint8Array(n),
    status: new Uint8Array(n),
    categories: new Uint8Array(n),
    needs: new Uint32Array(n),
    sexes: new Uint8Array(n),
    ageMin: new Int16Array(n),
    ageMax: new Int16Array(n),
    judgement: new Uint8Array(n),
    vacantBeds: new Uint16Array(n),
    soloOnly: new Uint8Array(n),
    residents: new Uint16Array(n),
    residentFlags: new Uint16Array(n),
    youngestResident: new Int16Array(n),
    oldestResident: new Int16Array(n),
    weeklyPricePence: new Int32Array(n),
    located: new Uint8Array(n),
    eastings: new Int32Array(n),
    northings: new Int32Array(n),
  }
  for (let i = 0; i < n; i++) {
    const h = homes[i]!
    try {
      m.homeIds[i] = h.homeId
      m.names[i] = h.name
      m.route[i] = routeCode(h.route)
      m.status[i] = statusCode(h.status)
      m.categories[i] = categoryMask(h.categories)
      m.needs[i] = needMask(h.needs)
      const sexes = SEXES_ACCEPTED_BITS[h.sexes]
      if (sexes === undefined) throw new RangeError(`unknown sexes accepted "${h.sexes}"`)
      m.sexes[i] = sexes
      if (h.ageMin !== null && !wholeIn(h.ageMin, 0, 25)) throw new RangeError(`age range from ${h.ageMin}`)
      if (h.ageMax !== null && !wholeIn(h.ageMax, 0, 25)) throw new RangeError(`age range to ${h.ageMax}`)
      m.ageMin[i] = h.ageMin ?? 0
      m.ageMax[i] = h.ageMax ?? NO_AGE_MAX
      m.judgement[i] = judgementCode(h.judgement)
      if (!wholeIn(h.vacantBeds, 0, 65_535)) throw new RangeError(`vacant beds ${h.vacantBeds}`)
      m.vacantBeds[i] = h.vacantBeds
      m.soloOnly[i] = h.soloOnly ? 1 : 0
      m.residents[i] = h.residents.length
      let flags = 0
      let youngest = NO_AGE
      let oldest = NO_AGE
      for (const r of h.residents) {
        flags |= riskMask(r.riskFlags)
        if (r.age !== null) {
          if (youngest === NO_AGE || r.age < youngest) youngest = r.age
          if (oldest === NO_AGE || r.age > oldest) oldest = r.age
        }
      }
      m.residentFlags[i] = flags
      m.youngestResident[i] = youngest
      m.oldestResident[i] = oldest
      const price = h.weeklyPricePence
      if (price !== null && !wholeIn(price, 0, 2 ** 31 - 1)) throw new RangeError(`weekly price ${price} pence`)
      m.weeklyPricePence[i] = price ?? NO_PRICE
      if (h.location) {
        if (!wholeIn(h.location.easting, -1e7, 1e7) || !wholeIn(h.location.northing, -1e7, 1e7)) {
          throw new RangeError(`grid reference ${h.location.easting}, ${h.location.northing}`)
        }
        m.located[i] = 1
        m.eastings[i] = h.location.easting
        m.northings[i] = h.location.northing
      }
    } catch (e) {
      throw new RangeError(`home ${h.homeId} (${i + 1} of ${n}): ${(e as Error).message}`, { cause: e })
    }
  }
  return m
}
