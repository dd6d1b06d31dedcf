/**
 * The gateway before invitation, pure. A provider passes if it is an active member of at least one
 * of the tender's lots and has at least one home that passes. A home passes if it is registered
 * and active with Ofsted, its latest judgement is not one the tender excludes (no judgement counts
 * as 'Not yet inspected'), and it is within the tender's distance of the area postcode by the DfE
 * straight-line miles. A home with no known location fails: distance cannot be shown.
 */
import { dfeMiles } from '../../geo/distance.js'
import type { GridRef } from '../../geo/types.js'
import type { GatewayResult } from '../tenderApi.js'

export type GatewayLot = { id: string; number: number }
export type GatewayProvider = { id: string; name: string; memberships: { lotId: string; status: string }[] }
export type GatewayHome = {
  id: string
  name: string
  urn: string
  providerId: string
  status: string
  judgement: string | null
  easting: number | null
  northing: number | null
  precision: string
  registeredPlaces: number
}
export type GatewayRules = { area: GridRef & { postcode: string }; areaMiles: number; excludedJudgements: readonly string[] }

const lotList = (lots: readonly GatewayLot[]) => {
  const names = lots.map((l) => `lot ${l.number}`)
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`
}

export function homeGateway(home: GatewayHome, rules: GatewayRules): GatewayResult['homes'][number] {
  const reasons: string[] = []
  if (home.status !== 'active')
    reasons.push(home.status === 'suspended' ? 'Registration with Ofsted is suspended' : 'No longer registered with Ofsted (closed)')
  const judgement = home.judgement ?? 'Not yet inspected'
  if (rules.excludedJudgements.includes(judgement)) reasons.push(`Latest Ofsted judgement is ${judgement}`)
  let miles: number | null = null
  if (home.easting === null || home.northing === null || home.precision === 'none') {
    reasons.push('Location unknown: the home’s postcode is not in the postcode directory')
  } else {
    miles = dfeMiles(rules.area, { easting: home.easting, northing: home.northing })
    if (miles > rules.areaMiles)
      reasons.push(`${miles.toFixed(1)} miles from ${rules.area.postcode}; the limit is ${rules.areaMiles} miles`)
  }
  return { homeId: home.id, name: home.name, urn: home.urn, miles, judgement: home.judgement, eligible: reasons.length === 0, reasons }
}

export function providerGateway(
  provider: GatewayProvider,
  homes: readonly GatewayHome[],
  lots: readonly GatewayLot[],
  rules: GatewayRules,
): GatewayResult {
  const reasons: string[] = []
  const active = lots.some((l) => provider.memberships.some((m) => m.lotId === l.id && m.status === 'active'))
  if (!active) reasons.push(`Not an active member of ${lotList(lots)}`)
  const results = homes
    .filter((h) => h.providerId === provider.id)
    .map((h) => homeGateway(h, rules))
    .sort(
      (a, b) => Number(b.eligible) - Number(a.eligible) || (a.miles ?? Infinity) - (b.miles ?? Infinity) || a.name.localeCompare(b.name),
    )
  if (results.length === 0) reasons.push('No homes on the register')
  else if (!results.some((h) => h.eligible))
    reasons.push(`No home passes the gateway (within ${rules.areaMiles} miles, registered, judgement allowed)`)
  return { providerId: provider.id, providerName: provider.name, eligible: reasons.length === 0, reasons, homes: results }
}
