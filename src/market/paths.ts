/** Every market page's address, built in one place so links and routes cannot drift apart. */
const e = encodeURIComponent

export const marketPaths = {
  homes: () => '/market/homes',
  home: (id: string) => `/market/homes/${e(id)}`,
  editHome: (id: string) => `/market/homes/${e(id)}/edit`,
  bedStatus: (homeId: string, bedId: string) => `/market/homes/${e(homeId)}/beds/${e(bedId)}/status`,
  providers: () => '/market/providers',
  provider: (id: string) => `/market/providers/${e(id)}`,
  editProvider: (id: string) => `/market/providers/${e(id)}/edit`,
  frameworks: () => '/market/frameworks',
  framework: (id: string) => `/market/frameworks/${e(id)}`,
}

/** The same addresses as Express route patterns. */
export const marketRoutePatterns = {
  homes: '/market/homes',
  home: '/market/homes/:id',
  editHome: '/market/homes/:id/edit',
  bedStatus: '/market/homes/:id/beds/:bedId/status',
  providers: '/market/providers',
  provider: '/market/providers/:id',
  editProvider: '/market/providers/:id/edit',
  frameworks: '/market/frameworks',
  framework: '/market/frameworks/:id',
}
