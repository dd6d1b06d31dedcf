/** Parties (organisations) of a release, each listed once with all its roles. */
import type { OcdsAddress, OcdsOrganizationReference, OcdsParty, OcdsProvider } from './types.js'

/** 'GB-COH-01234567' from a provider with a Companies House number; otherwise our own id. */
export function providerPartyId(p: OcdsProvider): string {
  return p.companiesHouseNumber ? `GB-COH-${companiesHouseNumber(p.companiesHouseNumber)}` : `placewise-provider-${p.id}`
}

/** Companies House numbers are 8 characters: '1234567' is '01234567'. */
export function companiesHouseNumber(raw: string): string {
  return raw.toUpperCase().padStart(8, '0')
}

/** 'GB-PPON-ABCD-1234-EFGH' → { scheme: 'GB-PPON', id: 'ABCD-1234-EFGH' } (org-id.guide form). */
export function splitOrgId(orgId: string): { scheme: string; id: string } | null {
  const m = /^([A-Z]{2}-[A-Z]{2,6})-(\S+)$/.exec(orgId)
  return m ? { scheme: m[1]!, id: m[2]! } : null
}

export function reference(party: { id: string; name: string }): OcdsOrganizationReference {
  return { id: party.id, name: party.name }
}

export class PartyList {
  private readonly byId = new Map<string, OcdsParty>()

  add(id: string, name: string, role: string, address?: OcdsAddress): OcdsOrganizationReference {
    const existing = this.byId.get(id)
    if (existing) {
      if (!existing.roles.includes(role)) existing.roles.push(role)
      return reference(existing)
    }
    const scheme = splitOrgId(id)
    const party: OcdsParty = { id, name, roles: [role] }
    if (scheme) party.identifier = { ...scheme, legalName: name }
    if (address && Object.keys(address).length > 0) party.address = address
    this.byId.set(id, party)
    return reference(party)
  }

  addProvider(p: OcdsProvider, role: 'tenderer' | 'supplier'): OcdsOrganizationReference {
    return this.add(providerPartyId(p), p.name, role, p.address)
  }

  list(): OcdsParty[] {
    return [...this.byId.values()]
  }
}
