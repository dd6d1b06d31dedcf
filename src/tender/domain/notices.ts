/**
 * The words of the notices sent at the award decision, pure. An assessment summary tells one
 * bidder its own scores and the winning bid(s)' scores, each with the moderated reasons; the award
 * notice says who is to be awarded what, by whose decision, and when standstill ends.
 */
import type { BidResult, DecisionInput, Question, Standstill } from '../tenderApi.js'
import { pounds } from './bidSchema.js'

export type ConsensusEntry = { score: number; rationale: string }
export type NoticeTender = {
  title: string
  reference: string
  ocid: string
  pricePercent: number
  qualityPercent: number
  frameworkName: string
}

const longDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

export function standstillText(s: Standstill): string {
  if (s.kind === 'none') return `There is no standstill period: contracts may be entered into from ${longDate(s.earliestContractDate)}.`
  const what =
    s.kind === 'PA2023-8-working-days'
      ? 'The standstill period is 8 working days'
      : `The council applies a voluntary standstill period of ${s.days} calendar days`
  return `${what}, from ${longDate(s.startsOn)} to the end of ${longDate(s.endsOn)}. Contracts will not be entered into before ${longDate(s.earliestContractDate)}.`
}

function scoreLines(result: BidResult, questions: readonly Question[], consensus: ReadonlyMap<string, ConsensusEntry>): string[] {
  const lines = questions.map((q) => {
    const c = consensus.get(q.id)
    return c
      ? `  Question ${q.number}, ${q.title} (weight ${q.weight}%): ${c.score} out of 5. ${c.rationale}`
      : `  Question ${q.number}, ${q.title} (weight ${q.weight}%): not scored.`
  })
  lines.push(`  Price: ${result.pricePoints} points of the price weight.`)
  lines.push(`  Total: ${result.totalScore} out of 100 (quality ${result.qualityPoints}, price ${result.pricePoints}).`)
  return lines
}

export function assessmentSummary(input: {
  tender: NoticeTender
  providerName: string
  own: BidResult
  winners: BidResult[]
  questions: readonly Question[]
  consensus: ReadonlyMap<string, ReadonlyMap<string, ConsensusEntry>>
  standstill: Standstill
}): { title: string; body: string } {
  const { tender, own, winners } = input
  const won = winners.some((w) => w.bidId === own.bidId)
  const outcome = won
    ? 'Your bid was successful: the council intends to award you a contract.'
    : own.excluded
      ? `Your bid was excluded: ${own.exclusionReasons.join('; ')}.`
      : `Your bid was not successful. It ranked ${own.rank} of the bids evaluated.`
  const parts = [
    `Assessment summary for ${input.providerName}: ${tender.title} (${tender.reference}).`,
    outcome,
    `Your bid (${own.beds} bed${own.beds === 1 ? '' : 's'} at ${pounds(own.pricePencePerBedWeek)} a bed-week):`,
    ...scoreLines(own, input.questions, input.consensus.get(own.bidId) ?? new Map()),
  ]
  for (const w of winners) {
    if (w.bidId === own.bidId) continue
    parts.push(
      `The successful bid of ${w.providerName} (${w.beds} bed${w.beds === 1 ? '' : 's'}):`,
      ...scoreLines(w, input.questions, input.consensus.get(w.bidId) ?? new Map()),
    )
  }
  parts.push(`Quality made up ${tender.qualityPercent}% of the score and price ${tender.pricePercent}%.`, standstillText(input.standstill))
  return { title: `Assessment summary: ${tender.title} (${tender.reference})`, body: parts.join('\n') }
}

export function awardNotice(input: {
  tender: NoticeTender
  winners: { result: BidResult; homes: string[] }[]
  decision: DecisionInput
  standstill: Standstill
}): { title: string; body: string } {
  const { tender, decision } = input
  const consulted = decision.consulted.length > 0 ? `, after consulting ${decision.consulted.join(', ')}` : ''
  const lines = [
    `Award notice: ${tender.title} (${tender.reference}, OCID ${tender.ocid}), a mini-competition under the ${tender.frameworkName} framework.`,
    `The council intends to enter into ${input.winners.length === 1 ? 'a block contract' : `${input.winners.length} block contracts`} with:`,
    ...input.winners.map(
      ({ result, homes }) =>
        `  ${result.providerName}: ${result.beds} bed${result.beds === 1 ? '' : 's'} at ${homes.join(', ')}, ${pounds(result.pricePencePerBedWeek)} a bed-week (${pounds(result.weeklyCostPence)} a week); score ${result.totalScore} out of 100.`,
    ),
    `Decision by the ${decision.decisionMaker}${consulted}, on ${longDate(decision.decidedOn)}.`,
    `Reasons: ${decision.rationale}`,
    standstillText(input.standstill),
  ]
  return { title: `Award notice: ${tender.title} (${tender.reference})`, body: lines.join('\n') }
}
