/**
 * The field ids the tender service names in a UserInputError's `where.field`. They are the ids of
 * the form controls (the pages share the scheme in src/tender/web/fields.ts):
 *
 *   title, description, lotIds, bedsMin, … (a RequirementInput key as it is)
 *   question-N-title | -guidance | -weight | -minimumScore | -kind | -descriptor-S
 *                       N = 1, 2 … the question's place in the list (questions[2] → question-3-…); S = 0 … 5
 *   line-<homeId>       beds offered at a home (a bid's lines)
 *   lines               the list of homes as a whole
 *   costBreakdown-<part>  staffing, premises, education, therapy, overheads, profit
 *   answer-<questionId>   a bid's answer to a question
 *   attachment-file, attachment-questionId
 *   score-<bidId>-<questionId>, rationale-<bidId>-<questionId>, changeReason
 *   decisionMaker, consulted, decidedOn, rationale (the decision); question, answer (clarifications);
 *   details (a conflict or a challenge); reason (cancelling); providerIds (publishing)
 */
export const questionField = (index: number, part: string) => `question-${index + 1}-${part}`
export const lineField = (homeId: string) => `line-${homeId}`
export const costField = (part: string) => `costBreakdown-${part}`
export const answerField = (questionId: string) => `answer-${questionId}`
export const scoreField = (bidId: string, questionId: string) => `score-${bidId}-${questionId}`
export const rationaleField = (bidId: string, questionId: string) => `rationale-${bidId}-${questionId}`
