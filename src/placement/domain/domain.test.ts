import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { UserInputError } from '../../platform/errors.js'
import { DEFAULT_COMPATIBILITY_RULES, parseCompatibilityRules } from './compatibilityRules.js'
import { DEFAULT_MATCHING_RULES, parseMatchingRules } from './matchingRules.js'
import { ageOn, needsImpliedByRisks } from './needsProfile.js'
import { DEFAULT_SCORE_WEIGHTS, parseScoreWeights } from './scoreWeights.js'

const good = { id: 'fire', description: 'No two fire-setters', ifChild: 'fire-setting', ifResident: 'fire-setting', effect: 'forbid' }

/** Asserts a UserInputError with this message and field. */
function refuses(fn: () => unknown, message: string | RegExp, field: string) {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof UserInputError, String(e))
    if (typeof message === 'string') assert.equal(e.message, message)
    else assert.match(e.message, message)
    assert.equal(e.where?.field, field)
    return true
  })
}

describe('compatibility rules', () => {
  test('the default rule set is valid, forbids CSE with sexual harm both ways, and warns on self-harm with substance misuse', () => {
    assert.deepEqual(parseCompatibilityRules(DEFAULT_COMPATIBILITY_RULES), DEFAULT_COMPATIBILITY_RULES)
    const find = (c: string, r: string) => DEFAULT_COMPATIBILITY_RULES.find((x) => x.ifChild === c && x.ifResident === r)?.effect
    assert.equal(find('sexual-exploitation', 'sexual-harm'), 'forbid')
    assert.equal(find('sexual-harm', 'sexual-exploitation'), 'forbid')
    assert.equal(find('criminal-exploitation', 'criminal-exploitation-of-others'), 'forbid')
    assert.equal(find('self-harm', 'drug-and-alcohol-use'), 'warn')
  })

  test("a council's own rules pass", () => {
    assert.deepEqual(parseCompatibilityRules([good, { ...good, id: 'fire-2', effect: 'warn', penalty: 7 }]).length, 2)
  })

  test('a bad rule is refused, naming the rule (counted from 1) and the field', () => {
    refuses(
      () => parseCompatibilityRules([good, { ...good, id: 'x', ifChild: 'arson' }]),
      /^Rule 2, ifChild: ifChild must be one of: self-harm, /,
      'rules[1].ifChild',
    )
    refuses(
      () => parseCompatibilityRules([{ ...good, effect: 'ban' }]),
      "Rule 1, effect: effect must be 'forbid' or 'warn'",
      'rules[0].effect',
    )
    refuses(() => parseCompatibilityRules([{ ...good, penalty: -1 }]), 'Rule 1, penalty: penalty must be 0 or more', 'rules[0].penalty')
    refuses(
      () => parseCompatibilityRules([{ ...good, description: ' ' }]),
      'Rule 1, description: description is missing',
      'rules[0].description',
    )
    refuses(() => parseCompatibilityRules([good, good]), 'Rule 2, id: id "fire" is used by an earlier rule', 'rules[1].id')
    refuses(() => parseCompatibilityRules([{ ...good, colour: 'red' }]), /^Rule 1, colour: /, 'rules[0].colour')
    refuses(() => parseCompatibilityRules({}), 'The rules must be a list', 'rules')
    refuses(
      () => parseCompatibilityRules(Array.from({ length: 33 }, (_, i) => ({ ...good, id: `r${i}` }))),
      'A rule set holds at most 32 rules',
      'rules',
    )
  })

  test('the judgement gateway is checked too, and defaults stand for what is left out', () => {
    assert.deepEqual(parseMatchingRules({}), DEFAULT_MATCHING_RULES)
    assert.deepEqual(parseMatchingRules({ excludedJudgements: [] }).excludedJudgements, [])
    refuses(
      () => parseMatchingRules({ excludedJudgements: ['Poor'] }),
      /^excludedJudgements\[0\] must be one of: Outstanding/,
      'excludedJudgements[0]',
    )
  })
})

describe('score weights', () => {
  test('left-out weights keep their defaults', () => {
    assert.deepEqual(parseScoreWeights({ price: 40 }), { ...DEFAULT_SCORE_WEIGHTS, price: 40 })
  })

  test('a bad weight is refused, naming it', () => {
    refuses(() => parseScoreWeights({ price: -5 }), 'price: price must be 0 or more', 'price')
    refuses(
      () => parseScoreWeights({ distanceScaleMiles: 0 }),
      'distanceScaleMiles: distanceScaleMiles must be more than 0',
      'distanceScaleMiles',
    )
    refuses(() => parseScoreWeights({ judgment: 5 }), /^judgment: /, 'judgment')
  })
})

describe('the child', () => {
  test('age on the planned start: the birthday itself counts, the day before does not', () => {
    assert.equal(ageOn('2012-03-15', '2026-03-15'), 14)
    assert.equal(ageOn('2012-03-15', '2026-03-14'), 13)
    assert.equal(ageOn('2012-03-15', '2026-02-28'), 13)
    assert.equal(ageOn('2012-03-15', '2026-12-01'), 14)
  })

  test('risk flags suggest Statement of Purpose needs, once each', () => {
    assert.deepEqual(needsImpliedByRisks(['sexual-exploitation', 'going-missing', 'fire-setting', 'sexual-exploitation']), [
      'cse',
      'missing',
    ])
  })
})
