/**
 * The mini-competition's service contract: what the tender pages (officers' and the provider
 * portal) may ask of the tender service. The service implements it (`createTenderService`);
 * the routes depend only on these types. Money is integer pence, dates ISO 'YYYY-MM-DD',
 * timestamps ISO strings. Every method takes the acting user first and checks access itself:
 * a provider user only ever sees its own provider's invitation, questions, bids and scores, and
 * another provider's ids answer NotFoundError. Bad input throws UserInputError whose `where.field`
 * is the id of the form control at fault.
 */
import type { Actor } from '../platform/auth/actor.js'
import type { OcdsTenderRecord } from './ocds/types.js'

export type TenderStatus =
  | 'draft' // requirement being written; invisible to providers
  | 'open' // invitations sent; clarifications and bids accepted until the deadline
  | 'closed' // deadline passed; bids sealed until two officers open them
  | 'opened' // both officers have opened; evaluation under way
  | 'moderated' // every consensus score recorded
  | 'award-proposed' // the award rule has chosen the winning bid(s)
  | 'standstill' // decision recorded, notices sent; standstill running
  | 'concluded' // standstill ended without challenge; contracts created
  | 'cancelled'

export type AwardRule = 'rank' | 'optimal'
export type PriceMethod = 'per-bed-week' | 'whole-life'
export type LegalRegime = 'PCR2015' | 'PA2023'

/** A 0–5 descriptor set, as published with each question. */
export type ScoreDescriptors = [string, string, string, string, string, string]

export type QuestionInput = {
  title: string
  guidance: string
  /** Share of the total score, in percentage points; quality + social value + price weights sum to 100. */
  weight: number
  /** A consensus score below this excludes the bid. 0 means no minimum. */
  minimumScore: number
  kind: 'quality' | 'social-value'
  descriptors?: ScoreDescriptors
}

export type RequirementInput = {
  frameworkId: string
  title: string
  description: string
  lotIds: string[]
  bedsMin: number
  bedsMax: number
  /** The area: homes within `areaMiles` of `areaPostcode` (DfE straight-line miles). */
  areaPostcode: string
  areaMiles: number
  needs: string[] // Statement of Purpose need codes (market/domain/needs.ts)
  ageMin: number
  ageMax: number
  startDate: string
  termYears: number // 3
  extensionYears: number // up to 2; 0 for none
  pricePercent: number // e.g. 40 (quality questions' weights make up the rest)
  priceMethod: PriceMethod
  awardRule: AwardRule
  maxProviders: number // K, 2 by default
  fillToMax: boolean // rank rule: keep adding bids until the maximum, not just the minimum
  budgetPencePerWeek: number | null
  /** Judgements that fail the gateway; by default only 'Inadequate'. */
  excludedJudgements: string[]
  /** A price under this % of the benchmark is flagged abnormally low (70 by default). */
  abnormallyLowPercent: number
  abnormallyLowBasis: 'median-of-bids' | 'framework-spot-rate'
  clarificationDeadline: string // ISO timestamp
  submissionDeadline: string // ISO timestamp
  evaluationEndDate: string // ISO date
  questions: QuestionInput[]
  /**
   * Additive, optional: 0 for no standstill (PCR2015 call-offs are exempt; PA2023 where s.51
   * exempts the contract). Null or absent: the regime's standstill — PCR2015 a voluntary 10
   * calendar days, PA2023 8 working days. No other lengths (yet).
   */
  standstillDays?: number | null
}

export type TenderSummary = {
  id: string
  reference: string // e.g. 'PW-2026-0001'
  title: string
  status: TenderStatus
  legalRegime: LegalRegime
  submissionDeadline: string
  bedsMin: number
  bedsMax: number
  invitedCount: number
  bidCount: number // submitted, not withdrawn
}

export type Question = QuestionInput & { id: string; number: number }

export type TenderDetail = TenderSummary &
  Omit<RequirementInput, 'questions'> & {
    ocid: string
    frameworkName: string
    lots: { id: string; number: number; name: string }[]
    questions: Question[]
    qualityPercent: number
    createdAt: string
    publishedAt: string | null
    /** Timeline, in order: created, published, amended, deadline, opened (twice), moderated, award, decision, standstill, concluded. */
    events: { at: string; what: string; by: string }[]
  }

export type GatewayResult = {
  providerId: string
  providerName: string
  eligible: boolean
  reasons: string[] // why not, in plain words: "Not an active member of lot 1", "No home within 20 miles"
  homes: {
    homeId: string
    name: string
    urn: string
    miles: number | null
    judgement: string | null
    eligible: boolean
    reasons: string[]
  }[]
}

export type Clarification = {
  id: string
  question: string
  answer: string | null
  askedAt: string
  answeredAt: string | null
  /** Officers see who asked; providers only see their own questions marked as theirs. */
  askedByProviderName: string | null
  mine: boolean
}

export type BidLine = { homeId: string; beds: number }
export type CostBreakdown = { staffing: number; premises: number; education: number; therapy: number; overheads: number; profit: number } // pence per bed-week, open book

export type BidInput = {
  lines: BidLine[]
  pricePencePerBedWeek: number
  /** Optional core-plus-placement pricing: a fixed weekly core fee and a fee per occupied bed-week. */
  coreFeePencePerWeek: number | null
  perPlacementFeePencePerWeek: number | null
  costBreakdown: CostBreakdown
  answers: { questionId: string; text: string }[]
}

export type BidStatus = 'draft' | 'submitted' | 'withdrawn' | 'needs-reconfirmation'

/** What a provider sees of its own bid (always), and officers see after opening. */
export type BidView = BidInput & {
  id: string
  providerId: string
  providerName: string
  status: BidStatus
  submittedAt: string | null
  beds: number
  attachments: { id: string; fileName: string; bytes: number; questionId: string | null }[]
}

/** Before opening, officers see only that a bid exists: never its content. */
export type SealedBid = { id: string; providerName: string; status: BidStatus; submittedAt: string | null }

export type ScoreInput = { bidId: string; questionId: string; score: number; rationale: string }

export type EvaluationState = {
  evaluators: { userId: string; name: string; conflict: 'none' | 'declared' | 'not-yet-declared'; submitted: boolean }[]
  /** The acting evaluator's own scores; others' only once every evaluator has submitted. */
  myScores: ScoreInput[]
  allScores: (ScoreInput & { evaluatorName: string })[] | null
  consensus: (ScoreInput & { moderatedBy: string; moderatedAt: string })[]
}

export type BidResult = {
  bidId: string
  providerName: string
  beds: number
  pricePencePerBedWeek: number
  weeklyCostPence: number
  wholeLifePence: number
  qualityPoints: number // weighted, out of qualityPercent
  pricePoints: number // out of pricePercent
  totalScore: number // out of 100
  excluded: boolean
  exclusionReasons: string[]
  abnormallyLow: boolean
  abnormallyLowReason: string | null
  rank: number | null
}

export type AwardOutcome = {
  rule: AwardRule
  chosenBidIds: string[]
  beds: number
  weeklyCostPence: number
  objective: number
  /** The next best combinations, and why the chosen one beats each. */
  alternatives: { bidIds: string[]; beds: number; weeklyCostPence: number; objective: number; whyNotChosen: string }[]
}

export type DecisionInput = {
  decisionMaker: string // e.g. 'Director of Integration and Quality'
  consulted: string[] // e.g. ['Leader of the Council', 'Cabinet Member for Children's Social Care', 'Director of Children's Services']
  decidedOn: string // ISO date
  rationale: string
}

export type Standstill = {
  kind: 'PA2023-8-working-days' | 'PCR2015-voluntary-10-days' | 'none'
  startsOn: string
  endsOn: string // the last day of standstill; contracts may be made the next working day
  challenged: boolean
  /** Additive: the length (8 working days for PA2023, 10 calendar days for PCR2015; 0 for none). */
  days: number
  /** Additive: the first day contracts may be entered into (the next working day after endsOn). */
  earliestContractDate: string
}

export type Notice = {
  kind: 'assessment-summary' | 'award-notice'
  providerName: string | null
  title: string
  body: string
  createdAt: string
}

export type TenderService = {
  // ——— council officers ———
  list(actor: Actor): Promise<TenderSummary[]>
  get(actor: Actor, tenderId: string): Promise<TenderDetail>
  createRequirement(actor: Actor, input: RequirementInput): Promise<string>
  updateRequirement(actor: Actor, tenderId: string, input: RequirementInput): Promise<void> // draft: free; open: an amendment (bids → needs-reconfirmation, bidders told)
  gateway(actor: Actor, tenderId: string): Promise<GatewayResult[]>
  publish(actor: Actor, tenderId: string, providerIds: string[]): Promise<void> // invites; only eligible providers
  answerClarification(actor: Actor, tenderId: string, clarificationId: string, answer: string): Promise<void> // published to all invitees, asker not named
  sealedBids(actor: Actor, tenderId: string): Promise<SealedBid[]>
  open(actor: Actor, tenderId: string): Promise<{ opened: boolean; waitingForSecondOfficer: boolean }> // after the deadline; two different officers
  bids(actor: Actor, tenderId: string): Promise<BidView[]> // only once opened
  declareConflict(actor: Actor, tenderId: string, hasConflict: boolean, details: string): Promise<void>
  evaluation(actor: Actor, tenderId: string): Promise<EvaluationState>
  saveScores(actor: Actor, tenderId: string, scores: ScoreInput[], changeReason?: string): Promise<void> // after submitting or moderation a change needs a reason
  submitScores(actor: Actor, tenderId: string): Promise<void>
  moderate(actor: Actor, tenderId: string, consensus: ScoreInput[], changeReason?: string): Promise<void> // a change after moderation needs a reason
  results(actor: Actor, tenderId: string): Promise<BidResult[]>
  proposeAward(actor: Actor, tenderId: string): Promise<AwardOutcome>
  award(actor: Actor, tenderId: string): Promise<AwardOutcome | null>
  recordDecision(actor: Actor, tenderId: string, input: DecisionInput): Promise<Standstill> // generates notices; starts standstill
  standstill(actor: Actor, tenderId: string): Promise<Standstill | null>
  notices(actor: Actor, tenderId: string): Promise<Notice[]> // a provider sees only its own assessment summary and the award notice
  recordChallenge(actor: Actor, tenderId: string, details: string): Promise<void>
  conclude(actor: Actor, tenderId: string): Promise<{ contractIds: string[] }> // after standstill ends unchallenged
  cancel(actor: Actor, tenderId: string, reason: string): Promise<void>

  // ——— providers (the portal) ———
  myInvitations(actor: Actor): Promise<TenderSummary[]>
  askClarification(actor: Actor, tenderId: string, question: string): Promise<string>
  clarifications(actor: Actor, tenderId: string): Promise<Clarification[]> // officers: all; providers: published answers + their own questions
  eligibleHomes(actor: Actor, tenderId: string): Promise<GatewayResult['homes']> // the provider's homes that pass the gateway
  myBid(actor: Actor, tenderId: string): Promise<BidView | null>
  saveBid(actor: Actor, tenderId: string, input: BidInput): Promise<string> // a draft, until the deadline
  addAttachment(actor: Actor, tenderId: string, file: { fileName: string; bytes: Buffer; questionId: string | null }): Promise<string>
  submitBid(actor: Actor, tenderId: string): Promise<void> // refused after the deadline by the server's clock
  withdrawBid(actor: Actor, tenderId: string): Promise<void>
}

/**
 * Additive extras the service also offers (createTenderService returns TenderService & TenderServiceExtras).
 * `ocdsRecord` returns the plain record the OCDS builder (src/tender/ocds) turns into release packages.
 */
export type TenderServiceExtras = {
  invitations(actor: Actor, tenderId: string): Promise<{ providerId: string; providerName: string; invitedAt: string; invitedBy: string }[]> // council readers
  attachment(actor: Actor, tenderId: string, attachmentId: string): Promise<{ fileName: string; bytes: Buffer; questionId: string | null }> // own (provider) or after opening (officers)
  removeAttachment(actor: Actor, tenderId: string, attachmentId: string): Promise<void> // a provider's own, until the deadline
  scoreHistory(
    actor: Actor,
    tenderId: string,
  ): Promise<
    {
      bidId: string
      questionId: string
      kind: 'evaluator' | 'consensus'
      by: string
      score: number
      rationale: string
      reason: string | null
      at: string
    }[]
  >
  resolveChallenge(actor: Actor, tenderId: string, details: string): Promise<void> // lifts a challenge's pause on standstill
  ocdsRecord(actor: Actor, tenderId: string): Promise<OcdsTenderRecord> // council readers; a published tender
}
