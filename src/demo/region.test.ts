import assert from 'node:assert/strict'
import { test } from 'node:test'
import { generateRegion } from './region.js'

const needCodes = ['challenging-behaviour', 'mental-health', 'learning-disability', 'autism', 'self-harm']

test('the same seed builds the same region; another seed another', () => {
  const a = generateRegion({ needCodes })
  assert.deepEqual(generateRegion({ needCodes }), a)
  assert.notDeepEqual(generateRegion({ needCodes, seed: 7 }).homes[0], a.homes[0])
})

test('about 40 providers and 150 homes, unique URNs and names, every provider with a home', () => {
  const { providers, homes } = generateRegion({ needCodes })
  assert.equal(providers.length, 40)
  assert.equal(homes.length, 150)
  assert.equal(new Set(homes.map((h) => h.urn)).size, 150)
  assert.equal(new Set(homes.map((h) => h.name)).size, 150)
  assert.equal(new Set(providers.map((p) => p.name)).size, 40)
  for (const p of providers)
    assert.ok(
      homes.some((h) => h.providerKey === p.key),
      p.name,
    )
})

test('a realistic market: mostly good or outstanding, some far away, spot rates in the published range', () => {
  const { providers, homes } = generateRegion({ needCodes })
  const goodOrBetter = homes.filter((h) => h.judgement === 'Good' || h.judgement === 'Outstanding').length / homes.length
  assert.ok(goodOrBetter > 0.65 && goodOrBetter < 0.95, `good or outstanding ${goodOrBetter}`)
  assert.ok(homes.some((h) => h.judgement === 'Inadequate' || h.judgement === 'Requires improvement to be good'))
  assert.ok(
    homes.some((h) => h.district.northing > 280_000),
    'some homes are far from Southampton',
  )
  const rates = providers.flatMap((p) => p.memberships.map((m) => m.spotRatePencePerWeek))
  assert.ok(Math.min(...rates) >= 2_500_00 && Math.max(...rates) <= 11_000_00, `${Math.min(...rates)}..${Math.max(...rates)}`)
  for (const rate of rates) assert.equal(rate % 500, 0, 'rates are whole £5s')
  for (const h of homes) {
    assert.equal(h.bedStatuses.length, h.places)
    assert.ok(h.ageMin < h.ageMax)
    assert.ok(h.needs.every((n) => needCodes.includes(n)))
  }
})
