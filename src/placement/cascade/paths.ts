/** The referral, search, booking and placement pages' addresses, built in one place so links and routes cannot drift apart. */
const e = encodeURIComponent

const query = (params: Record<string, string | undefined>) => {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v)
  const s = q.toString()
  return s ? `?${s}` : ''
}

export const cascadePaths = {
  newReferral: (childId: string) => `/referrals/new${query({ childId })}`,
  referral: (id: string) => `/referrals/${e(id)}`,
  editReferral: (id: string) => `/referrals/${e(id)}/edit`,
  closeReferral: (id: string) => `/referrals/${e(id)}/close`,
  referralEvents: (id: string) => `/referrals/${e(id)}/events`,
  search: (id: string, filters: { route?: string; feasible?: string } = {}) => `/referrals/${e(id)}/search${query(filters)}`,
  book: (id: string, homeId: string, route?: string) => `/referrals/${e(id)}/book${query({ homeId, route })}`,
  placements: () => '/placements',
  placement: (id: string) => `/placements/${e(id)}`,
  endPlacement: (id: string) => `/placements/${e(id)}/end`,
  matchingRules: () => '/placements/matching-rules',
  portalPlacements: () => '/portal/placements',
  portalImpact: (id: string) => `/portal/placements/${e(id)}/impact`,
  // ——— other parts' pages, linked by URL ———
  child: (id: string) => `/children/${e(id)}`,
  home: (id: string) => `/market/homes/${e(id)}`,
  contract: (id: string) => `/contracts/${e(id)}`,
  offers: (id: string) => `/referrals/${e(id)}/offers`,
  dueList: () => '/placements/due',
}

/** The same addresses as Express route patterns. */
export const cascadeRoutePatterns = {
  newReferral: '/referrals/new',
  referral: '/referrals/:id',
  editReferral: '/referrals/:id/edit',
  closeReferral: '/referrals/:id/close',
  referralEvents: '/referrals/:id/events',
  search: '/referrals/:id/search',
  book: '/referrals/:id/book',
  placements: '/placements',
  placement: '/placements/:id',
  endPlacement: '/placements/:id/end',
  matchingRules: '/placements/matching-rules',
  portalPlacements: '/portal/placements',
  portalImpact: '/portal/placements/:id/impact',
}
