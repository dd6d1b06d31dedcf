import assert from 'node:assert/strict'
import { test } from 'node:test'
import { awardRuleText, requirementFacts, stageTasks, tenderOverviewView, termText } from './overview.js'
import { sampleTender } from './testFixtures.js'

const statusOf = (tasks: ReturnType<typeof stageTasks>, title: RegExp) => {
  const t = tasks.find((x) => title.test(x.title.text))!
  return { status: t.status.tag?.text ?? t.status.text, href: 'href' in t ? t.href : undefined }
}

test('a draft: the requirement is in progress, invitations can start, opening cannot yet', () => {
  const tasks = stageTasks(sampleTender())
  assert.deepEqual(statusOf(tasks, /requirement/), { status: 'In progress', href: '/tenders/t1/edit' })
  assert.deepEqual(statusOf(tasks, /invite/), { status: 'Not yet started', href: '/tenders/t1/invite' })
  assert.deepEqual(statusOf(tasks, /Open the bids/), { status: 'Cannot start yet', href: undefined })
})

test('once closed with one officer’s opening: earlier stages done, opening in progress, the requirement no longer editable', () => {
  const tasks = stageTasks(
    sampleTender({ status: 'closed', events: [{ at: '2026-06-15T12:00:00Z', what: 'Opened by officer 1 of 2', by: 'Chris' }] }),
  )
  assert.deepEqual(statusOf(tasks, /requirement/), { status: 'Completed', href: undefined })
  assert.equal(statusOf(tasks, /sealed bids/).status, 'Completed')
  assert.deepEqual(statusOf(tasks, /Open the bids/), { status: 'In progress', href: '/tenders/t1/open' })
  assert.equal(statusOf(tasks, /Score/).status, 'Cannot start yet')
})

test('a cancelled competition has nothing left to start', () => {
  const tasks = stageTasks(sampleTender({ status: 'cancelled' }))
  assert.ok(tasks.every((t) => t.status.text === 'Cannot start yet'))
  assert.equal(tenderOverviewView(sampleTender({ status: 'cancelled' }), true).cancelHref, null)
})

test('the key facts say the terms in words; providers are not shown the budget or the internal rules', () => {
  const t = sampleTender()
  const council = requirementFacts(t, 'council').map((r) => [r.key.text, r.value.text ?? r.value.html])
  const get = (k: string) => council.find(([key]) => key === k)?.[1]
  assert.equal(get('Beds'), '3 to 6 beds')
  assert.equal(get('Term'), '3 years, with an optional 2-year extension')
  assert.equal(get('Budget'), '£25,000.00 a week')
  assert.equal(get('Bid deadline'), '15 June 2026 at midday')
  const provider = requirementFacts(t, 'provider').map((r) => r.key.text)
  assert.ok(!provider.includes('Budget') && !provider.includes('Abnormally low'))
  assert.equal(termText({ termYears: 1, extensionYears: 0 }), '1 year')
  assert.equal(
    awardRuleText({ awardRule: 'rank', maxProviders: 2, fillToMax: true }),
    'By rank, up to 2 providers, adding bids until the most beds',
  )
})

test('the overview links results and notices only once they exist', () => {
  assert.deepEqual(tenderOverviewView(sampleTender({ status: 'opened' }), true).links, [])
  assert.deepEqual(
    tenderOverviewView(sampleTender({ status: 'standstill' }), true).links.map((l) => l.text),
    ['Results', 'Notices'],
  )
  assert.match(tenderOverviewView(sampleTender(), false).descriptionHtml, /<p class="govuk-body">Beds near Southampton.<\/p><p/)
})
