/**
 * Evaluation arithmetic, pure: from the opened bids and the moderated (consensus) scores to each
 * bid's points, exclusions, abnormally-low flags and rank.
 *
 * - Quality points: Σ over questions of weight × consensus score ÷ 5 (a question not yet moderated counts 0).
 * - Price points, "relative to lowest": pricePercent × lowest ÷ this, among the bids not excluded.
 *   priceMethod 'per-bed-week' compares the price per bed-week; 'whole-life' compares the
 *   whole-life price (below).
 * - Whole-life price: what the council would pay over the initial term with every bed filled —
 *   the weekly cost × 52 × termYears, where the weekly cost is price per bed-week × beds, or, with
 *   core-plus-placement pricing, core fee + fee per placement × beds. Extensions are optional and
 *   not counted. It compares whole offers, so it favours smaller offers when bids differ in beds:
 *   publish it only where that is intended.
 * - A bid with a consensus score below a question's minimum is excluded, with the reason.
 * - Abnormally low: a price per bed-week under abnormallyLowPercent % of the benchmark (the median of
 *   all bids, or the median framework spot rate of the tender's lots) is flagged for investigation,
 *   not excluded: the council must ask the provider to explain it first.
 * - Rank: by total score, highest first; ties go to the earlier submission, then the bid id.
 * Points are rounded to 2 decimal places.
 */
import type { BidInput, BidResult, Question, RequirementInput } from '../tenderApi.js'
import { bedsOf, pounds } from './bidSchema.js'

export type ScoredBid = { bidId: string; providerName: string; submittedAt: string; content: BidInput }
export type ScoringRules = Pick<
  RequirementInput,
  'pricePercent' | 'priceMethod' | 'termYears' | 'abnormallyLowPercent' | 'abnormallyLowBasis'
>
export type ConsensusScores = ReadonlyMap<string, ReadonlyMap<string, number>> // bidId → questionId → score

const round2 = (n: number) => Math.round(n * 100) / 100

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

export function weeklyCostPence(bid: BidInput): number {
  return bid.pricePencePerBedWeek * bedsOf(bid)
}

export function wholeLifePence(bid: BidInput, termYears: number): number {
  const beds = bedsOf(bid)
  const weekly =
    bid.coreFeePencePerWeek !== null && bid.perPlacementFeePencePerWeek !== null
      ? bid.coreFeePencePerWeek + bid.perPlacementFeePencePerWeek * beds
      : bid.pricePencePerBedWeek * beds
  return weekly * 52 * termYears
}

export function scoreBids(
  rules: ScoringRules,
  questions: readonly Pick<Question, 'id' | 'number' | 'title' | 'weight' | 'minimumScore'>[],
  bids: readonly ScoredBid[],
  consensus: ConsensusScores,
  spotRateBenchmark: number | null,
): BidResult[] {
  const benchmark =
    rules.abnormallyLowBasis === 'median-of-bids' ? median(bids.map((b) => b.content.pricePencePerBedWeek)) : spotRateBenchmark
  const benchmarkName =
    rules.abnormallyLowBasis === 'median-of-bids' ? 'the median of the bids' : 'the median framework spot rate for the lot'
  const priced = bids.map((b) => {
    const scores = consensus.get(b.bidId) ?? new Map<string, number>()
    const exclusionReasons = questions.flatMap((q) => {
      const s = scores.get(q.id)
      return s !== undefined && s < q.minimumScore
        ? [`Question ${q.number} (${q.title}) scored ${s}; the minimum is ${q.minimumScore}`]
        : []
    })
    const qualityPoints = questions.reduce((sum, q) => sum + (q.weight * (scores.get(q.id) ?? 0)) / 5, 0)
    const price = b.content.pricePencePerBedWeek
    const abnormallyLow = benchmark !== null && price < (benchmark * rules.abnormallyLowPercent) / 100
    return {
      bid: b,
      beds: bedsOf(b.content),
      price,
      weekly: weeklyCostPence(b.content),
      wholeLife: wholeLifePence(b.content, rules.termYears),
      qualityPoints,
      exclusionReasons,
      abnormallyLow,
      abnormallyLowReason: abnormallyLow
        ? `${pounds(price)} a bed-week is under ${rules.abnormallyLowPercent}% of ${benchmarkName} (${pounds(Math.round(benchmark!))}): ask the provider to explain the price before the award`
        : null,
    }
  })
  const compared = (p: (typeof priced)[number]) => (rules.priceMethod === 'whole-life' ? p.wholeLife : p.price)
  const inCompetition = priced.filter((p) => p.exclusionReasons.length === 0)
  const lowest = Math.min(...(inCompetition.length > 0 ? inCompetition : priced).map(compared))
  const results: BidResult[] = priced.map((p) => {
    const pricePoints = round2(Math.min(rules.pricePercent, (rules.pricePercent * lowest) / compared(p)))
    const qualityPoints = round2(p.qualityPoints)
    return {
      bidId: p.bid.bidId,
      providerName: p.bid.providerName,
      beds: p.beds,
      pricePencePerBedWeek: p.price,
      weeklyCostPence: p.weekly,
      wholeLifePence: p.wholeLife,
      qualityPoints,
      pricePoints,
      totalScore: round2(qualityPoints + pricePoints),
      excluded: p.exclusionReasons.length > 0,
      exclusionReasons: p.exclusionReasons,
      abnormallyLow: p.abnormallyLow,
      abnormallyLowReason: p.abnormallyLowReason,
      rank: null,
    }
  })
  const submittedAt = new Map(bids.map((b) => [b.bidId, b.submittedAt]))
  const order = (a: BidResult, b: BidResult) =>
    b.totalScore - a.totalScore || submittedAt.get(a.bidId)!.localeCompare(submittedAt.get(b.bidId)!) || a.bidId.localeCompare(b.bidId)
  const ranked = results.filter((r) => !r.excluded).sort(order)
  ranked.forEach((r, i) => (r.rank = i + 1))
  return [...ranked, ...results.filter((r) => r.excluded).sort(order)]
}
