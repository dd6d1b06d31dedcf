import assert from 'node:assert/strict'
import { test } from 'node:test'
import { toEpochDay } from '../../../platform/calendar/isoDate.js'
import { bandOn, priceBands } from './prices.js'

const terms = { startDate: '2026-01-01', pricePencePerBedWeek: 700_000, placementFeePencePerWeek: 70_000, coreAndPlacement: true }

test('the latest row on or before the day wins; on the same day a variation beats indexation beats the contract', () => {
  const bands = priceBands(terms, [
    { fromDate: '2026-06-01', pricePencePerBedWeek: 760_000, placementFeePencePerWeek: null, source: 'variation' },
    { fromDate: '2026-06-01', pricePencePerBedWeek: 740_000, placementFeePencePerWeek: 80_000, source: 'indexation' },
    { fromDate: '2026-01-01', pricePencePerBedWeek: 700_000, placementFeePencePerWeek: 70_000, source: 'contract' },
  ])
  const on = (d: string) => bands[bandOn(bands, toEpochDay(d))]!
  assert.deepEqual([on('2026-05-31').price, on('2026-05-31').fee], [700_000, 70_000])
  // The variation sets the price; it names no fee, so the fee in force (the indexation's, the same day) stays.
  assert.deepEqual([on('2026-06-01').price, on('2026-06-01').fee], [760_000, 80_000])
  assert.equal(on('2030-01-01').price, 760_000)
})

test('a pure block has no placement fee, whatever the rows say', () => {
  const bands = priceBands({ ...terms, coreAndPlacement: false }, [
    { fromDate: '2026-03-01', pricePencePerBedWeek: 720_000, placementFeePencePerWeek: 90_000, source: 'indexation' },
  ])
  assert.deepEqual(
    bands.map((b) => b.fee),
    [0, 0],
  )
})
