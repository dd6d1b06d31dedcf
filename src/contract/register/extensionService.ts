/**
 * The extension decision: reminders before the notice date, the decision (extend or not) proposed
 * with its rationale by an officer and approved by a different person holding contract:approve.
 * A taken extension moves the end date, re-issues the indexation schedule to the new end and
 * becomes an amendment in the contract's OCDS release.
 */
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { Actor } from '../../platform/auth/actor.js'
import { authorise } from '../../platform/auth/scope.js'
import { addDays } from '../../platform/calendar/isoDate.js'
import { NotFoundError, UserInputError } from '../../platform/errors.js'
import { formatDate } from '../../platform/web/format.js'
import { contractView } from './contractView.js'
import { anniversaries } from './dates.js'
import { extendedEndDate, extensionState, reminderThreshold } from './extension.js'
import { parseOrRefuse } from './parse.js'
import { requireBedsFree } from './reservation.js'
import { personOf, type RegisterShared } from './shared.js'

export const DecisionInputSchema = z.object({
  decision: z.enum(['extend', 'do-not-extend'], { message: 'Select whether to take the extension' }),
  rationale: z
    .string({ message: 'Enter the reasons for the decision' })
    .trim()
    .min(1, { message: 'Enter the reasons for the decision' })
    .max(10_000, { message: 'The reasons must be 10,000 characters or fewer' }),
})
export type DecisionInput = z.infer<typeof DecisionInputSchema>

export const REMINDER_PURPOSE = 'contract-extension-reminder'
const REMINDED_ROLES = ['commissioning_officer', 'head_of_service'] as const

export function createExtensions(s: RegisterShared) {
  return {
    /** Proposes the decision; one may wait for approval at a time. Returns its id. */
    async proposeExtensionDecision(actor: Actor, contractId: string, input: DecisionInput): Promise<string> {
      authorise(actor, 'contract:edit')
      const f = parseOrRefuse(DecisionInputSchema, input)
      return s.run(async (tx) => {
        const c = await s.activeContract(actor, contractId, tx)
        if (c.extensionStatus !== 'available')
          throw new UserInputError(
            c.extensionStatus === 'none'
              ? 'This contract has no extension to decide'
              : `The extension has already been ${c.extensionStatus}`,
            {
              field: 'decision',
            },
          )
        if ((await s.repo.decisions(tx, c.id)).some((d) => d.status === 'proposed'))
          throw new UserInputError('A decision is already waiting for approval', { field: 'decision' })
        const id = randomUUID()
        await s.repo.insertDecision(tx, {
          id,
          contract_id: c.id,
          decision: f.decision,
          rationale: f.rationale,
          status: 'proposed',
          proposed_by: personOf(actor),
          proposed_by_label: actor.label,
          proposed_at: s.deps.now().toISOString(),
          approved_by: null,
          approved_by_label: null,
          approved_at: null,
          previous_end_date: null,
          new_end_date: null,
        })
        await s.deps.audit.record(tx, actor, {
          action: 'propose-extension-decision',
          entityType: 'contract',
          entityId: c.id,
          after: { decisionId: id, decision: f.decision, rationale: f.rationale },
        })
        return id
      })
    },

    /** Approves (and acts on) or rejects the proposed decision; the approver must not be who proposed it. */
    async settleExtensionDecision(actor: Actor, contractId: string, d: { approve: boolean; note: string }): Promise<void> {
      authorise(actor, 'contract:approve')
      const note = d.note.trim()
      if (!d.approve && note === '') throw new UserInputError('Enter why the decision is sent back', { field: 'note' })
      await s.run(async (tx) => {
        const c = await s.activeContract(actor, contractId, tx)
        const proposal = (await s.repo.decisions(tx, c.id)).find((x) => x.status === 'proposed')
        if (!proposal) throw new NotFoundError('No decision is waiting for approval')
        if (proposal.proposed_by === personOf(actor))
          throw new UserInputError('You proposed this decision: someone else must approve it', { field: 'approve' })
        const at = s.deps.now().toISOString()
        let ends: { previous_end_date: string; new_end_date: string } | null = null
        if (d.approve && proposal.decision === 'extend') {
          if (c.extensionNoticeDate && s.today() > c.extensionNoticeDate)
            throw new UserInputError(
              `The notice date, ${formatDate(c.extensionNoticeDate)}, has passed: the extension can no longer be taken`,
              {
                field: 'approve',
              },
            )
          const newEnd = extendedEndDate(c.endDate, c.extensionMonths ?? 0, c.maxExtentDate)
          const open = (await s.repo.reservedBeds(tx, c.id)).filter((b) => b.toDate === null).map((b) => b.bedId)
          if (c.kind !== 'spot-arrangement')
            await requireBedsFree(s.repo, tx, open, { from: addDays(c.endDate, 1), to: newEnd }, c.id, 'approve')
          ends = { previous_end_date: c.endDate, new_end_date: newEnd }
          await s.contracts.update(tx, c.id, { end_date: newEnd, extension_status: 'taken', updated_at: at })
        } else if (d.approve) {
          await s.contracts.update(tx, c.id, { extension_status: 'declined', updated_at: at })
        }
        const settled = await s.repo.settleDecision(tx, proposal.id, {
          status: d.approve ? 'approved' : 'rejected',
          approved_by: personOf(actor),
          approved_by_label: actor.label,
          approved_at: at,
          ...(ends ?? {}),
        })
        if (!settled) throw new UserInputError('Someone else settled this decision first', { field: 'approve' })
        await s.deps.audit.record(tx, actor, {
          action: d.approve ? 'approve-extension-decision' : 'reject-extension-decision',
          entityType: 'contract',
          entityId: c.id,
          before: { endDate: c.endDate, extensionStatus: c.extensionStatus },
          after: {
            decisionId: proposal.id,
            decision: proposal.decision,
            note: note || null,
            endDate: ends?.new_end_date ?? c.endDate,
            extensionStatus: d.approve ? (proposal.decision === 'extend' ? 'taken' : 'declined') : c.extensionStatus,
          },
        })
        if (ends && c.indexation)
          await s.deps.audit.record(tx, actor, {
            action: 'reissue-indexation-schedule',
            entityType: 'contract',
            entityId: c.id,
            before: { anniversaries: anniversaries(c.startDate, ends.previous_end_date) },
            after: { anniversaries: anniversaries(c.startDate, ends.new_end_date) },
          })
      })
    },

    /**
     * Emails the commissioning officers and heads of service about each extension coming due, once
     * per contract, notice date and threshold (90, 60, 30 and 7 days before). Returns emails queued.
     */
    async sendExtensionReminders(actor: Actor): Promise<number> {
      return s.run(async (tx) => {
        const today = s.today()
        const people = await tx
          .selectFrom('users')
          .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
          .select(['users.email'])
          .where('organisations.kind', '=', 'council')
          .where('users.status', '=', 'active')
          .where('users.role', 'in', [...REMINDED_ROLES])
          .orderBy('users.email')
          .execute()
        if (people.length === 0) return 0
        let queued = 0
        for (const c of (await s.contracts.list(tx, { kind: 'all' })).map(contractView)) {
          const state = extensionState(c, today)
          if (c.status !== 'active' || state.kind !== 'due') continue
          const threshold = reminderThreshold(state.daysLeft)
          if (threshold === null) continue
          const relatedId = `${c.id}:${state.noticeDate}:${threshold}`
          const sent = await tx
            .selectFrom('outbox')
            .select('id')
            .where('purpose', '=', REMINDER_PURPOSE)
            .where('related_id', '=', relatedId)
            .executeTakeFirst()
          if (sent) continue
          for (const p of people) {
            await s.deps.outbox.enqueue(tx, {
              to: p.email,
              subject: `Extension decision due: contract ${c.reference} (notice by ${formatDate(state.noticeDate)})`,
              body: `The council must give notice by ${formatDate(state.noticeDate)} (${state.daysLeft} days) if it takes the ${c.extensionMonths}-month extension of contract ${c.reference} with ${c.providerName}, which otherwise ends on ${formatDate(c.endDate)}. The decision pack is on the contract's page in Placewise, under "Extension decision".`,
              purpose: REMINDER_PURPOSE,
              relatedId,
            })
            queued++
          }
          await s.deps.audit.record(tx, actor, {
            action: 'remind-extension',
            entityType: 'contract',
            entityId: c.id,
            after: { noticeDate: state.noticeDate, daysLeft: state.daysLeft, threshold, recipients: people.length },
          })
        }
        return queued
      })
    },
  }
}
