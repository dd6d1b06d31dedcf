/**
 * The spot referral pages' addresses, built in one place so links and routes cannot drift apart.
 * The referral page, the cascade search and booking belong to the cascade part; linked by URL.
 */
const e = encodeURIComponent

export const offerPaths = {
  // ——— the cascade part's pages ———
  referral: (id: string) => `/referrals/${e(id)}`,
  search: (id: string) => `/referrals/${e(id)}/search`,
  book: (id: string, homeId: string, offerId: string) => `/referrals/${e(id)}/book?homeId=${e(homeId)}&offerId=${e(offerId)}`,
  // ——— council officers ———
  newRequests: (id: string) => `/referrals/${e(id)}/requests/new`,
  offers: (id: string) => `/referrals/${e(id)}/offers`,
  withdraw: (id: string, requestId: string) => `/referrals/${e(id)}/requests/${e(requestId)}/withdraw`,
  // ——— the provider portal ———
  portalList: () => '/portal/referrals',
  portalRequest: (requestId: string) => `/portal/referrals/${e(requestId)}`,
  portalRespond: (requestId: string) => `/portal/referrals/${e(requestId)}/respond`,
}

/** The same addresses as Express route patterns. */
export const offerRoutePatterns = {
  newRequests: '/referrals/:id/requests/new',
  offers: '/referrals/:id/offers',
  withdraw: '/referrals/:id/requests/:requestId/withdraw',
  portalList: '/portal/referrals',
  portalRequest: '/portal/referrals/:requestId',
  portalRespond: '/portal/referrals/:requestId/respond',
}
