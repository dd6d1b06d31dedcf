import assert from 'node:assert/strict'
import { test } from 'node:test'
import { noErrors } from '../../../platform/web/formErrors.js'
import type { BookingChoices } from '../../cascade/cascadeService.js'
import { bookingControl, bookingPageView, newBookingValues, parseBookingForm } from './bookingPage.js'

const bed = (id: string, route: 'in-house' | 'block' | 'spot', price: number | null) => ({
  id,
  label: `Bed ${id}`,
  route,
  contractId: route === 'spot' ? null : 'c1',
  contractReference: route === 'spot' ? null : 'BLOCK-1',
  weeklyPricePence: price,
})
const choices = (beds: BookingChoices['beds'], emptyBlock: string[]): BookingChoices => ({
  referralId: 'r1',
  childId: 'c1',
  caseReference: 'CR-1',
  referralStatus: 'open',
  onDate: '2026-04-01',
  homeId: 'h1',
  homeName: 'Oak House',
  providerName: 'Acme',
  slots: [],
  beds,
  emptyBlockBeds: emptyBlock.map((id) => ({
    bedId: id,
    bedLabel: `Bed ${id}`,
    homeId: 'h1',
    homeName: 'Oak House',
    contractId: 'c1',
    contractReference: 'BLOCK-1',
  })),
})

test('the form needs a bed, real dates and a sum of money, each against its control', () => {
  const bad = parseBookingForm(
    { 'startDate-day': '31', 'startDate-month': '2', 'startDate-year': '2026', weeklyPrice: 'lots', 'plannedEndDate-day': '1' },
    'r1',
    'h1',
  )
  assert.ok(!bad.ok)
  assert.deepEqual(
    bad.errors.list.map((e) => e.href),
    ['#bedId', '#startDate-day', '#plannedEndDate-day', '#weeklyPrice'],
  )
  const good = parseBookingForm(
    {
      bedId: 'b1',
      'startDate-day': '1',
      'startDate-month': '4',
      'startDate-year': '2026',
      weeklyPrice: '£4,850.50',
      emptyBedCause: 'provider-declined',
    },
    'r1',
    'h1',
  )
  assert.deepEqual(good, {
    ok: true,
    data: {
      referralId: 'r1',
      homeId: 'h1',
      bedId: 'b1',
      startDate: '2026-04-01',
      plannedEndDate: null,
      weeklyPricePence: 485_050,
      emptyBedCause: 'provider-declined',
      emptyBedNote: null,
    },
  })
  assert.deepEqual(['weeklyPricePence', 'startDate', 'route', undefined].map(bookingControl), [
    'weeklyPrice',
    'startDate-day',
    'bedId',
    'bedId',
  ])
})

test('the price comes from the route chosen; a reason is asked only when a bed here is not the empty block bed', () => {
  const mixed = choices([bed('1', 'block', 480_000), bed('2', 'spot', 550_000)], ['1'])
  assert.equal(newBookingValues(mixed, 'spot', null).weeklyPrice, '5500.00')
  assert.equal(newBookingValues(mixed, 'block', null).weeklyPrice, '4800.00')
  assert.equal(
    newBookingValues(mixed, undefined, { weeklyPricePence: 520_000, startDate: '2026-04-09', providerName: 'Acme', note: null })
      .weeklyPrice,
    '5200.00',
  )
  // Only the block bed offered, and it is the empty one: nothing is passed over.
  assert.equal(bookingPageView(mixed, 'block', newBookingValues(mixed, 'block', null), noErrors(), null).passOver, null)
  const spot = bookingPageView(mixed, 'spot', newBookingValues(mixed, 'spot', null), noErrors(), null)
  assert.deepEqual(spot.passOver?.beds, ['Oak House, Bed 1 (contract BLOCK-1)'])
  assert.equal(spot.passOver?.onlyIfNotBlock, false)
  // Both offered: the reason is asked, for the case the spot bed is chosen.
  assert.equal(bookingPageView(mixed, undefined, newBookingValues(mixed, undefined, null), noErrors(), null).passOver?.onlyIfNotBlock, true)
  assert.equal(
    bookingPageView(
      choices([bed('2', 'spot', null)], []),
      undefined,
      newBookingValues(choices([bed('2', 'spot', null)], []), undefined, null),
      noErrors(),
      null,
    ).passOver,
    null,
  )
})
