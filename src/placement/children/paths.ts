/** The addresses of the children pages, the statutory timers, travel and the panel, built in one place. */
const e = encodeURIComponent

export const childPaths = {
  list: () => '/children',
  create: () => '/children/new',
  child: (id: string) => `/children/${e(id)}`,
  edit: (id: string) => `/children/${e(id)}/edit`,
  due: () => '/placements/due',
  visits: (placementId: string) => `/placements/${e(placementId)}/visits`,
  plan: (placementId: string) => `/placements/${e(placementId)}/plan`,
  travel: () => '/placements/travel',
  panel: () => '/placements/panel',
  // ——— pages other parts own, linked to from these ———
  newReferral: (childId: string) => `/referrals/new?childId=${e(childId)}`,
  referral: (id: string) => `/referrals/${e(id)}`,
  placement: (id: string) => `/placements/${e(id)}`,
  book: (referralId: string, homeId: string) => `/referrals/${e(referralId)}/book?homeId=${e(homeId)}`,
  home: (homeId: string) => `/market/homes/${e(homeId)}`,
}

/** The same addresses as Express route patterns. */
export const childRoutePatterns = {
  list: '/children',
  create: '/children/new',
  child: '/children/:id',
  edit: '/children/:id/edit',
  due: '/placements/due',
  visits: '/placements/:id/visits',
  plan: '/placements/:id/plan',
  travel: '/placements/travel',
  panel: '/placements/panel',
}
