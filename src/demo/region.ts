import { DEMO_DISTRICTS, type DemoDistrict } from './districts.js'
import { seededRandom, type Random } from './random.js'

/** A synthetic regional market: plain records, built from a seed, with no I/O. */
export type DemoProvider = {
  key: string
  name: string
  companiesHouseNumber: string
  memberships: { lotNumber: number; status: 'active' | 'suspended'; spotRatePencePerWeek: number }[]
}
export type DemoHome = {
  providerKey: string
  urn: string
  name: string
  district: DemoDistrict
  addressLine: string
  places: number
  categories: string[]
  needs: string[]
  ageMin: number
  ageMax: number
  sexesAccepted: 'mixed' | 'male' | 'female'
  judgement: string
  judgementDate: string | null
  registrationDate: string
  status: 'active' | 'suspended' | 'closed'
  bedStatuses: ('vacant' | 'occupied' | 'unavailable')[]
}
export type DemoRegion = { providers: DemoProvider[]; homes: DemoHome[] }

const FIRST = [
  'Oak',
  'Harbour',
  'Meadow',
  'Solent',
  'Beacon',
  'Willow',
  'Chalk',
  'Forest',
  'Riverside',
  'Heath',
  'Compass',
  'Lighthouse',
  'Kestrel',
  'Cedar',
  'Bramble',
  'Anchor',
  'Downland',
  'Orchard',
  'Tidewater',
  'Hollybank',
  'Skylark',
  'Elm',
  'Juniper',
  'Marsh',
  'Copse',
  'Northgate',
  'Foxglove',
  'Larch',
  'Brook',
  'Rowan',
  'Quay',
  'Saltmarsh',
  'Hawthorn',
  'Fern',
  'Ashdown',
  'Greenway',
  'Bridge',
  'Ridgeway',
  'Wessex',
  'Evergreen',
]
const SECOND = [
  'Care',
  'Children’s Services',
  'Residential Care',
  'Childcare',
  'Homes for Children',
  'Young People’s Services',
  'Family Care',
  'Care Group',
]
const HOME_WORDS = ['House', 'Lodge', 'View', 'Cottage', 'Place', 'Court', 'Grange', 'Villa', 'Barn', 'Mews']
const STREETS = [
  'Station Road',
  'Church Lane',
  'Park Avenue',
  'Mill Lane',
  'The Green',
  'High Street',
  'Victoria Road',
  'School Lane',
  'Orchard Close',
  'Manor Road',
]

/** Where the market sits on price, from the figures in commissioning.md §7 (about £4,500–£6,500 a week, with a long tail). */
const BASE_WEEKLY_POUNDS = { mean: 5400, spread: 900 }
/** How each lot's price compares with planned residential care. */
const LOT_PRICE_FACTOR: Record<number, number> = { 1: 1.0, 2: 1.35, 3: 1.2, 4: 0.85, 5: 1.3, 6: 1.25 }

const JUDGEMENTS: { value: string; weight: number }[] = [
  { value: 'Outstanding', weight: 18 },
  { value: 'Good', weight: 62 },
  { value: 'Requires improvement to be good', weight: 14 },
  { value: 'Inadequate', weight: 3 },
  { value: 'Not yet inspected', weight: 3 },
]

function normalish(r: Random): number {
  return (r.next() + r.next() + r.next() - 1.5) / 0.5 // roughly N(0,1), bounded
}

function isoDate(r: Random, fromYear: number, toYear: number): string {
  const y = r.int(fromYear, toYear)
  const m = r.int(1, 12)
  const d = r.int(1, 28)
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

function needsFor(categories: string[], r: Random, needCodes: readonly string[]): string[] {
  const has = (c: string) => categories.includes(c)
  const wanted = new Set<string>()
  const maybe = (code: string, p: number) => {
    if (needCodes.includes(code) && r.next() < p) wanted.add(code)
  }
  if (has('EBD')) {
    maybe('challenging-behaviour', 0.85)
    maybe('cse', 0.4)
    maybe('cce', 0.35)
    maybe('self-harm', 0.4)
  }
  if (has('MD')) maybe('mental-health', 0.8)
  if (has('LD')) {
    maybe('learning-disability', 0.8)
    maybe('autism', 0.6)
  }
  if (has('PD') || has('SI')) maybe('physical-disability', 0.8)
  if (has('ALC') || has('DRG')) maybe('substance-misuse', 0.8)
  maybe('solo', 0.1)
  maybe('missing', 0.3)
  maybe('dol', 0.08)
  return [...wanted].sort()
}

export function generateRegion(opts: { seed?: number; providers?: number; homes?: number; needCodes: readonly string[] }): DemoRegion {
  const r = seededRandom(opts.seed ?? 2019_11_19)
  const providerCount = opts.providers ?? 40
  const homeCount = opts.homes ?? 150

  const names = r.sample(FIRST, providerCount).map((w) => `${w} ${r.pick(SECOND)} Ltd`)
  const providers: DemoProvider[] = names.map((name, i) => {
    const position = BASE_WEEKLY_POUNDS.mean + normalish(r) * BASE_WEEKLY_POUNDS.spread
    const lots = new Set<number>([r.next() < 0.85 ? 1 : r.int(2, 6)])
    const extra = r.int(0, 3)
    for (let k = 0; k < extra; k++) lots.add(r.int(1, 6))
    return {
      key: `P${String(i + 1).padStart(2, '0')}`,
      name,
      // 99xxxxxx: a range Companies House has not issued, so no real company is named.
      companiesHouseNumber: `99${String(r.int(0, 999_999)).padStart(6, '0')}`,
      memberships: [...lots].sort().map((lotNumber) => ({
        lotNumber,
        status: r.next() < 0.95 ? 'active' : 'suspended',
        // Rounded to £5, as rate cards are.
        spotRatePencePerWeek: Math.round((position * LOT_PRICE_FACTOR[lotNumber]!) / 5) * 500,
      })),
    }
  })

  // A few large providers and many small ones, as in the real market.
  const providerWeight = providers.map((_, i) => (i < 5 ? 5 : i < 15 ? 2 : 1))
  const usedNames = new Set<string>()
  const homes: DemoHome[] = []
  for (let i = 0; i < homeCount; i++) {
    const pIndex =
      i < providers.length
        ? i
        : r.weighted(
            providers.map((_, k) => k),
            (k) => providerWeight[k]!,
          )
    const provider = providers[pIndex]!
    const disabilities = provider.memberships.some((m) => m.lotNumber === 6)
    const district = r.weighted(DEMO_DISTRICTS, (d) => d.weight)
    const categories = new Set<string>()
    if (r.next() < 0.9) categories.add('EBD')
    if (r.next() < 0.35) categories.add('MD')
    if (r.next() < (disabilities ? 0.8 : 0.25)) categories.add('LD')
    if (r.next() < (disabilities ? 0.5 : 0.06)) categories.add('PD')
    if (r.next() < (disabilities ? 0.4 : 0.05)) categories.add('SI')
    if (r.next() < 0.15) categories.add('ALC')
    if (r.next() < 0.15) categories.add('DRG')
    if (categories.size === 0) categories.add('EBD')
    const places = r.weighted([1, 2, 3, 4, 5, 6], (p) => ({ 1: 10, 2: 25, 3: 25, 4: 25, 5: 8, 6: 7 })[p]!)
    let name = `${r.pick(FIRST)} ${r.pick(HOME_WORDS)}`
    while (usedNames.has(name)) name = `${r.pick(FIRST)} ${r.pick(HOME_WORDS)}`
    usedNames.add(name)
    const judgement = r.weighted(JUDGEMENTS, (j) => j.weight).value
    const statusRoll = r.next()
    const status = statusRoll < 0.95 ? 'active' : statusRoll < 0.98 ? 'suspended' : 'closed'
    const bedStatuses = Array.from({ length: places }, () => {
      const b = r.next()
      return status !== 'active' ? 'unavailable' : b < 0.8 ? 'occupied' : b < 0.96 ? 'vacant' : 'unavailable'
    }) as DemoHome['bedStatuses']
    const cats = [...categories].sort()
    homes.push({
      providerKey: provider.key,
      // SC99xxxx: outside the range Ofsted has issued, so no real home is named.
      urn: `SC99${String(1000 + i).padStart(4, '0')}`,
      name,
      district,
      addressLine: `${r.int(1, 120)} ${r.pick(STREETS)}`,
      places,
      categories: cats,
      needs: needsFor(cats, r, opts.needCodes),
      ageMin: r.pick([5, 8, 10, 11, 12]),
      ageMax: r.pick([17, 18, 18]),
      sexesAccepted: r.weighted(['mixed', 'male', 'female'] as const, (s) => ({ mixed: 70, male: 15, female: 15 })[s]),
      judgement,
      judgementDate: judgement === 'Not yet inspected' ? null : isoDate(r, 2023, 2026),
      registrationDate: isoDate(r, 2005, 2024),
      status,
      bedStatuses,
    })
  }
  return { providers, homes }
}
