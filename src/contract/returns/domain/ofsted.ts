/**
 * When an Ofsted judgement of a contracted home raises an alert. Per contract and home the
 * council keeps a baseline: the judgement it last accepted (the one in force at the contract's
 * start, or the one in an alert it acknowledged). A current judgement that differs from it is an
 * open alert until acknowledged; a further change supersedes the open alert with a new one.
 * Pure: the service reads the state, asks here what to do, and does it.
 */

export type Judged = { judgement: string | null; date: string | null }

export type OfstedState = {
  contractStart: string
  baseline: Judged | null
  /** The open alert for the home under the contract, if any. */
  open: { id: string; to: Judged } | null
  current: Judged
}

export type OfstedDecision = {
  /** Record the current judgement as the one the contract began with. */
  setBaseline: Judged | null
  /** Close this open alert: the judgement has moved on (or back). */
  supersede: string | null
  /** Open an alert for the change from the baseline (null: inspected during the contract, nothing accepted before). */
  raise: { from: Judged | null; to: Judged } | null
}

const NOTHING: OfstedDecision = { setBaseline: null, supersede: null, raise: null }

const same = (a: Judged, b: Judged) => a.judgement === b.judgement && a.date === b.date

export function decideOfsted(s: OfstedState): OfstedDecision {
  // First sight: a judgement made before the contract began is what the council contracted with.
  if (!s.baseline && !s.open && (s.current.date === null || s.current.date <= s.contractStart)) {
    return { ...NOTHING, setBaseline: s.current }
  }
  const differs = s.baseline ? s.baseline.judgement !== s.current.judgement : true
  if (!differs) return s.open ? { ...NOTHING, supersede: s.open.id } : NOTHING
  if (s.open && same(s.open.to, s.current)) return NOTHING
  return { setBaseline: null, supersede: s.open?.id ?? null, raise: { from: s.baseline, to: s.current } }
}

export const isNothing = (d: OfstedDecision): boolean => !d.setBaseline && !d.supersede && !d.raise

/** 'Good', or 'Not recorded' when a home has none. */
export const judgementText = (judgement: string | null): string => judgement ?? 'Not recorded'
