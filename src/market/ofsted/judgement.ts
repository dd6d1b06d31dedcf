import type { OfstedJudgement } from '../domain/judgements.js'

// One list for the market: the import normalises onto the domain's judgements.
export { OFSTED_JUDGEMENTS, type OfstedJudgement } from '../domain/judgements.js'

// Older frameworks' third grade ("Adequate" 2014-15, "Satisfactory" before) sits where
// "Requires improvement to be good" sits now; numeric grades are Ofsted's 1-4.
const WORDINGS: Record<string, OfstedJudgement> = {
  outstanding: 'Outstanding',
  '1': 'Outstanding',
  good: 'Good',
  '2': 'Good',
  'requires improvement to be good': 'Requires improvement to be good',
  'requires improvement': 'Requires improvement to be good',
  ri: 'Requires improvement to be good',
  adequate: 'Requires improvement to be good',
  satisfactory: 'Requires improvement to be good',
  '3': 'Requires improvement to be good',
  inadequate: 'Inadequate',
  '4': 'Inadequate',
  'not yet inspected': 'Not yet inspected',
  'not inspected': 'Not yet inspected',
  'not yet inspected as a full inspection': 'Not yet inspected',
  // Local authority agencies carry this in the combined list; they have no children's home grade.
  'not provided as service is inspected as part of the ilacs inspection': 'Not yet inspected',
}

/** Normalises a judgement as written in any version of the lists; undefined if it is not one. Blank means not yet inspected. */
export function normaliseJudgement(text: string | null): OfstedJudgement | undefined {
  if (text === null) return 'Not yet inspected'
  const key = text
    .toLowerCase()
    .replace(/[.\s]+$/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^grade /, '')
    .trim()
  return WORDINGS[key]
}
