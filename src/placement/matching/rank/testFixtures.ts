import type { ChildNeedsProfile } from '../../domain/needsProfile.js'
import type { HomeVacancy } from '../../domain/vacancy.js'

/** Test fixtures: a home that takes anyone, and a child who fits it, each changed only where a test says. */

export const SOUTHAMPTON = { easting: 442_520, northing: 112_207 }

export function home(over: Partial<HomeVacancy> = {}): HomeVacancy {
  return {
    homeId: 'H1',
    name: 'Oak House',
    route: 'spot',
    categories: ['EBD', 'MD', 'LD', 'PD', 'SI', 'ALC', 'DRG'],
    needs: ['challenging-behaviour', 'cse', 'cce', 'self-harm', 'missing', 'autism', 'mental-health'],
    ageMin: 8,
    ageMax: 17,
    sexes: 'mixed',
    judgement: 'Good',
    status: 'active',
    vacantBeds: 1,
    weeklyPricePence: 6_000_00,
    location: { easting: 452_520, northing: 112_207 },
    soloOnly: false,
    residents: [],
    ...over,
  }
}

export function child(over: Partial<ChildNeedsProfile> = {}): ChildNeedsProfile {
  return {
    childId: 'C1',
    categories: ['EBD'],
    needs: ['challenging-behaviour'],
    ageAtStart: 14,
    sex: 'female',
    caredForAlongside: 'No preference',
    deprivationOfLiberty: false,
    riskFlags: [],
    home: SOUTHAMPTON,
    school: SOUTHAMPTON,
    ...over,
  }
}
