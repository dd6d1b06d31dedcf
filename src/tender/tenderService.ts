/**
 * The mini-competition service: implements TenderService (tenderApi.ts) and its additive extras.
 * Built from parts, one per stage, sharing one context (service/context.ts):
 * requirement and invitation → clarifications → sealed bids and opening → evaluation → award.
 *
 * Deps: { db, dialect, audit, market, postcodes (locate), contracts, masterKey, config (council),
 *         outbox?, now?, ocds? { prefix, buyerId } }
 */
import type { TenderService, TenderServiceExtras } from './tenderApi.js'
import { createAwardPart } from './service/award.js'
import { createBiddingPart } from './service/bidding.js'
import { createClarificationPart } from './service/clarifications.js'
import { createTenderContext, type TenderServiceDeps } from './service/context.js'
import { createEvaluationPart } from './service/evaluation.js'
import { createMarketReads } from './service/marketReads.js'
import { createOcdsPart } from './service/ocdsRecord.js'
import { createRequirementPart } from './service/requirements.js'

export type { TenderServiceDeps, Outbox, OutboundEmail } from './service/context.js'

export function createTenderService(deps: TenderServiceDeps): TenderService & TenderServiceExtras {
  const ctx = createTenderContext(deps)
  const reads = createMarketReads(ctx)
  const requirements = createRequirementPart(ctx, reads)
  const clarifications = createClarificationPart(ctx)
  const bidding = createBiddingPart(ctx, requirements.gatewayOf)
  const evaluation = createEvaluationPart(ctx, reads, bidding)
  const award = createAwardPart(ctx, reads, bidding, evaluation.results)
  const ocds = createOcdsPart(ctx, reads, bidding)
  return {
    list: requirements.list,
    get: requirements.get,
    createRequirement: requirements.createRequirement,
    updateRequirement: requirements.updateRequirement,
    gateway: requirements.gateway,
    publish: requirements.publish,
    invitations: requirements.invitations,
    cancel: requirements.cancel,
    myInvitations: requirements.myInvitations,
    eligibleHomes: requirements.eligibleHomes,

    askClarification: clarifications.askClarification,
    answerClarification: clarifications.answerClarification,
    clarifications: clarifications.clarifications,

    myBid: bidding.myBid,
    saveBid: bidding.saveBid,
    addAttachment: bidding.addAttachment,
    removeAttachment: bidding.removeAttachment,
    attachment: bidding.attachment,
    submitBid: bidding.submitBid,
    withdrawBid: bidding.withdrawBid,
    sealedBids: bidding.sealedBids,
    open: bidding.open,
    bids: bidding.bids,

    declareConflict: evaluation.declareConflict,
    evaluation: evaluation.evaluation,
    saveScores: evaluation.saveScores,
    submitScores: evaluation.submitScores,
    moderate: evaluation.moderate,
    results: evaluation.results,
    scoreHistory: evaluation.scoreHistory,

    proposeAward: award.proposeAward,
    award: award.award,
    recordDecision: award.recordDecision,
    standstill: award.standstill,
    notices: award.notices,
    recordChallenge: award.recordChallenge,
    resolveChallenge: award.resolveChallenge,
    conclude: award.conclude,

    ocdsRecord: ocds.ocdsRecord,
  }
}
export type TenderServiceImpl = ReturnType<typeof createTenderService>
