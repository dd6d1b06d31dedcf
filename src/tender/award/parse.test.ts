import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { UserInputError } from '../../platform/errors.js'
import { parseAwardInput } from './parse.js'

const bid = (over: Record<string, unknown> = {}) => ({
  id: 'B1',
  provider: 'P1',
  beds: 4,
  pricePencePerBedWeek: 520000,
  score: 81.25,
  submittedAt: '2026-01-10T12:00:00Z',
  ...over,
})
const input = (over: Record<string, unknown> = {}) => ({ rule: 'optimal', bedsMin: 3, bedsMax: 6, bids: [bid()], ...over })

function refused(json: unknown, message: string, file?: string) {
  assert.throws(
    () => parseAwardInput(json, file),
    (e: unknown) => e instanceof UserInputError && e.message.startsWith(message),
  )
}

describe('parseAwardInput', () => {
  it('reads the example from the issue, with K = 2, no budget and fillToMax off by default', () => {
    const parsed = parseAwardInput(input())
    assert.deepEqual(parsed, {
      rule: 'optimal',
      bedsMin: 3,
      bedsMax: 6,
      maxProviders: 2,
      budgetPencePerWeek: null,
      fillToMax: false,
      bids: [bid()],
    })
    assert.equal(parseAwardInput(input({ maxProviders: 5, budgetPencePerWeek: 3_000_000, fillToMax: true })).maxProviders, 5)
  })

  it('names the JSON path of a bad field', () => {
    const bids = [bid(), bid({ id: 'B2' }), bid({ id: 'B3' }), bid({ id: 'B4', beds: 2.5 })]
    refused(input({ bids }), 'bids[3].beds: must be a whole number of 1 or more')
    refused(input({ bids: [bid({ beds: 0 })] }), 'bids[0].beds: must be a whole number of 1 or more')
    refused(
      input({ bids: [bid({ pricePencePerBedWeek: 5200.5 })] }),
      'bids[0].pricePencePerBedWeek: must be a whole number of pence, 1 or more',
    )
    refused(input({ bids: [bid({ score: 101 })] }), 'bids[0].score: must be a number from 0 to 100')
    refused(input({ bids: [bid({ score: '81' })] }), 'bids[0].score: must be a number from 0 to 100')
    refused(input({ bids: [bid({ submittedAt: '10/01/2026' })] }), 'bids[0].submittedAt: must be an ISO timestamp')
    refused(input({ bids: [bid({ provider: ' ' })] }), 'bids[0].provider: must not be empty')
    refused(input({ rule: 'best' }), 'rule: must be "optimal" or "rank"')
    refused(input({ maxProviders: 0 }), 'maxProviders: must be a whole number of 1 or more')
    refused(input({ budgetPencePerWeek: -1 }), 'budgetPencePerWeek: must be null or a whole number of pence, 0 or more')
    refused(input({ fillToMax: 'yes' }), 'fillToMax: must be true or false')
  })

  it('says when a field is missing, unknown or the list is empty', () => {
    const { bedsMin: _, ...noMin } = input()
    refused(noMin, 'bedsMin: is required')
    refused(input({ bids: [{ ...bid(), beds: undefined }] }), 'bids[0].beds: is required')
    refused(input({ bedsmax: 6 }), 'bedsmax: is not a field of an award input')
    refused(input({ bids: [bid({ homes: 2 })] }), 'bids[0].homes: is not a field of an award input')
    refused(input({ bids: [] }), 'bids: must list at least one bid')
    refused([1, 2], '(the whole input): must be a JSON object')
  })

  it('refuses a maximum below the minimum, and duplicate bid ids', () => {
    refused(input({ bedsMin: 6, bedsMax: 3 }), 'bedsMax: must be at least bedsMin (6)')
    refused(input({ bids: [bid(), bid({ provider: 'P2' }), bid({ id: 'B3' })] }), 'bids[1].id: duplicate bid id "B1" (also bids[0].id)')
  })

  it('names the file, and the field for forms', () => {
    try {
      parseAwardInput(input({ bids: [bid({ beds: -1 })] }), 'award.json')
      assert.fail('accepted a bad input')
    } catch (e) {
      assert.ok(e instanceof UserInputError)
      assert.equal(e.message, 'award.json: bids[0].beds: must be a whole number of 1 or more')
      assert.deepEqual(e.where, { file: 'award.json', field: 'bids[0].beds' })
    }
  })
})
