import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import express from 'express'
import { testConfig } from '../../../../test/support/app.js'
import { setUpNunjucks } from '../../../platform/web/setUpNunjucks.js'
import { visitsView } from '../../timers/web/timerPages.js'
import { travelFor } from '../travelView.js'

const env = setUpNunjucks(express(), testConfig())
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
const CENTRE = { easting: 442_520, northing: 112_207, label: 'Southampton city centre (SO14)' }
const rates = { averageSpeedMph: 30, mileageRatePence: 45, hourlyCostPence: 3800, previousPlacementMiles: 50 }

/** The partials other parts' pages include: they render from their one variable, and nothing without it. */
describe('partials for the placement page', () => {
  it('travel: distances, each visit, the year’s visits, and what is avoided', () => {
    const travel = travelFor({
      placement: { startDate: '2026-04-02', endDate: null },
      home: { easting: CENTRE.easting + 16_093, northing: CENTRE.northing },
      childHome: CENTRE,
      centre: CENTRE,
      rates,
      today: '2026-04-02',
    })
    const out = text(env.render('placement/travel/_travel.njk', { travel }))
    assert.match(out, /From the child’s home 10\.0 miles/)
    assert.match(out, /From Southampton city centre \(SO14\) 10\.0 miles, one way/)
    assert.match(out, /Each statutory visit 20\.0 miles there and back, 40 minutes, £34\.33/)
    assert.match(out, /Statutory visits in the next 12 months 9 visits/)
    assert.match(out, /At the previous distance \(50 miles\) 900\.0 miles, £1,545\.03/)
    assert.match(out, /Travel avoided £1,236\.06/)
    const far = travelFor({
      placement: { startDate: '2026-04-02', endDate: null },
      home: { easting: CENTRE.easting, northing: CENTRE.northing + 160_930 },
      childHome: null,
      centre: CENTRE,
      rates,
      today: '2026-04-02',
    })
    assert.match(
      text(env.render('placement/travel/_travel.njk', { travel: far })),
      /Travel avoided −£[\d,.]+ \(further than the previous distance\)/,
    )
    assert.equal(env.render('placement/travel/_travel.njk', {}).trim(), '')
  })

  it('visits: what is due, the visits recorded, and the forms for those who may record', () => {
    const visits = visitsView({
      placementId: 'p1',
      childId: 'c1',
      caseReference: 'CASE-1',
      homeName: 'Oak House',
      startDate: '2026-03-20',
      endDate: null,
      planDue: '2026-03-27',
      planPreparedOn: null,
      visits: [{ visitedOn: '2026-03-25', by: 'Ann' }],
      items: [
        { kind: 'placement-plan', dueOn: '2026-03-27', overdue: true, daysOverdue: 5 },
        { kind: 'visit', dueOn: '2026-05-06', overdue: false, daysOverdue: 0 },
      ],
      canRecord: true,
    })
    const html = env.render('placement/visits/_visits.njk', { visits, csrfToken: 't0k3n' })
    const out = text(html)
    assert.match(out, /Placement plan Not recorded: due by 27 March 2026 \(overdue by 5 days\)/)
    assert.match(out, /Next social worker visit Due by 6 May 2026/)
    assert.match(out, /25 March 2026 Ann/)
    assert.match(html, /action="\/placements\/p1\/visits"/)
    assert.match(html, /action="\/placements\/p1\/plan"/)
    assert.match(html, /name="_csrf" value="t0k3n"/)
    const reader = env.render('placement/visits/_visits.njk', { visits: { ...visits, canRecord: false } })
    assert.doesNotMatch(reader, /<form/)
  })
})
