/**
 * The ids of the tender forms' controls, in one place. A field the service names in a
 * UserInputError (`where.field`) is turned into the id of the control a person must fix, so the
 * error summary's link lands on it. Plain requirement and decision fields use the service's own
 * names (`title`, `bedsMin`, `decidedOn` …); repeated fields are numbered or keyed:
 *
 *   question-N-title, question-N-guidance, question-N-weight, question-N-minimumScore,
 *   question-N-kind, question-N-descriptor-S      N = 1, 2 … (the row), S = 0 … 5
 *   line-<homeId>                                 beds offered at a home
 *   costBreakdown-<part>                          staffing, premises, education, therapy, overheads, profit
 *   answer-<questionId>                           a bid's answer to a question
 *   score-<bidId>-<questionId>, rationale-<bidId>-<questionId>   an evaluator's or the consensus score
 */

export const questionField = (row: number, part: string) => `question-${row}-${part}`
export const descriptorField = (row: number, score: number) => `question-${row}-descriptor-${score}`
export const lineField = (homeId: string) => `line-${homeId}`
export const costField = (part: string) => `costBreakdown-${part}`
export const answerField = (questionId: string) => `answer-${questionId}`
export const scoreField = (bidId: string, questionId: string) => `score-${bidId}-${questionId}`
export const rationaleField = (bidId: string, questionId: string) => `rationale-${bidId}-${questionId}`

/** Dates typed in a GOV.UK date input: an error links to the day box. */
export const DATE_FIELDS = ['startDate', 'evaluationEndDate', 'clarificationDeadline', 'submissionDeadline', 'decidedOn'] as const

/**
 * The control for a field the service named. Accepts the form's own ids as they are, a zod-style
 * path (`questions.0.weight`, `questions[0].weight`, `costBreakdown.staffing`, `answers.1`,
 * `lines.0.beds`) and a bare list name (`questions`, `lines`, `answers`).
 */
export function controlFor(field: string | undefined, ctx: { homeIds?: string[]; questionIds?: string[] } = {}): string | undefined {
  // 'form' is the service's word for the whole form: no one control to point at.
  if (!field || field === 'form') return undefined
  if ((DATE_FIELDS as readonly string[]).includes(field)) return `${field}-day`
  const q = /^questions(?:\.|\[)(\d+)\]?(?:\.(\w+))?/.exec(field)
  if (q) return questionField(Number(q[1]) + 1, q[2] === 'descriptors' || !q[2] ? 'title' : q[2])
  if (field === 'questions') return questionField(1, 'title')
  const cost = /^costBreakdown[.-](\w+)$/.exec(field)
  if (cost) return costField(cost[1]!)
  if (field === 'costBreakdown') return costField('staffing')
  const line = /^lines(?:\.|\[)(\d+)/.exec(field)
  if (line && ctx.homeIds?.[Number(line[1])]) return lineField(ctx.homeIds[Number(line[1])]!)
  if (field === 'lines' || line) return ctx.homeIds?.[0] ? lineField(ctx.homeIds[0]) : 'lines'
  const answer = /^answers(?:\.|\[)(\d+)/.exec(field)
  if (answer && ctx.questionIds?.[Number(answer[1])]) return answerField(ctx.questionIds[Number(answer[1])]!)
  if (field === 'answers' || answer) return ctx.questionIds?.[0] ? answerField(ctx.questionIds[0]) : 'answers'
  return field
}
