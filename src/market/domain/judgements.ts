/**
 * Ofsted's headline judgement for a children's home, best first. The same wording the Ofsted
 * import stores (src/market/ofsted/judgement.ts); a home with no judgement counts as not yet inspected.
 */
export const OFSTED_JUDGEMENTS = ['Outstanding', 'Good', 'Requires improvement to be good', 'Inadequate', 'Not yet inspected'] as const
export type OfstedJudgement = (typeof OFSTED_JUDGEMENTS)[number]

export function isOfstedJudgement(value: unknown): value is OfstedJudgement {
  return typeof value === 'string' && (OFSTED_JUDGEMENTS as readonly string[]).includes(value)
}

/** 1 for Outstanding … 5 for not yet inspected (or nothing stored): the order tables sort by. */
export function judgementRank(judgement: string | null | undefined): number {
  const i = OFSTED_JUDGEMENTS.indexOf((judgement ?? 'Not yet inspected') as OfstedJudgement)
  return i === -1 ? OFSTED_JUDGEMENTS.length : i + 1
}

const TAG_CLASSES: Record<OfstedJudgement, string> = {
  Outstanding: 'govuk-tag--green',
  Good: 'govuk-tag--teal',
  'Requires improvement to be good': 'govuk-tag--yellow',
  Inadequate: 'govuk-tag--red',
  'Not yet inspected': 'govuk-tag--grey',
}

/** A GOV.UK tag for a judgement: the colour carries no meaning the text does not also say. */
export function judgementTag(judgement: string | null | undefined): { text: string; classes: string } {
  const j = isOfstedJudgement(judgement) ? judgement : 'Not yet inspected'
  return { text: j, classes: TAG_CLASSES[j] }
}
