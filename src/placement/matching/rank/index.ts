/** Ranking one referral against the whole market: encode once, rank many times, explain a few. */
export { encodeMarket, type Market } from './market.js'
export { encodeReferral, type EncodedReferral } from './referral.js'
export { rankReferral, round2, SCORE_PARTS, type Ranked, type RouteGroup, type ScorePart } from './rank.js'
export { REASON, REASON_NAMES, reasonNames, type ReasonName } from './reasons.js'
export { explain, rankedHome, topN, type Explanation, type RankedHome } from './view.js'
