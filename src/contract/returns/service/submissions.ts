/**
 * Monthly returns: the months a contract's provider owes, each month's versions and documents,
 * submitting (a resubmission is a new version; the earlier stays), and downloading a document.
 */
import { createHash, randomUUID } from 'node:crypto'
import type { Actor } from '../../../platform/auth/actor.js'
import { authorise, dataScope, ForbiddenError } from '../../../platform/auth/scope.js'
import type { Db } from '../../../platform/db/database.js'
import { NotFoundError, UserInputError } from '../../../platform/errors.js'
import { documentFileName, MAX_DOCUMENT_BYTES, recogniseDocument, type DocumentType } from '../domain/documents.js'
import { validateFigures, type ReturnFigures } from '../domain/figures.js'
import { dueDateOf, isMonth, monthName, monthsDue, returnStatus } from '../domain/months.js'
import type { DocumentUpload, MonthDetail, ReturnDocument, ReturnMonth, ReturnsContract, ReturnVersion } from '../returnsApi.js'
import type { DocumentMetaRow, ReturnRow } from '../returnsRepository.js'
import { contractView, maySubmit, type ReturnsShared } from './shared.js'

/** The form control a document's problems are shown against. */
export const REPORT_FIELD = 'regulation44Report'

export function figuresOf(r: ReturnRow): ReturnFigures {
  return {
    childrenAccommodated: r.children_accommodated,
    incidents: r.incidents,
    missingEpisodes: r.missing_episodes,
    educationHoursPerChildPerWeek: r.education_hours_per_child_week,
    physicalInterventions: r.physical_interventions,
    staffHours: r.staff_hours,
    agencyStaffHours: r.agency_staff_hours,
    regulation40Notifications: r.regulation40_notifications,
    notes: r.notes,
  }
}

const versionView = (r: ReturnRow): ReturnVersion => ({
  id: r.id,
  version: r.version,
  figures: figuresOf(r),
  submittedAt: r.submitted_at,
  submittedBy: r.submitted_by_label,
  supersededAt: r.superseded_at,
})

const documentView = (d: DocumentMetaRow): ReturnDocument => ({
  id: d.id,
  month: d.month,
  kind: d.kind,
  fileName: d.file_name,
  contentType: d.content_type,
  bytes: d.bytes,
  uploadedAt: d.uploaded_at,
  uploadedBy: d.uploaded_by_label,
})

function parseFigures(input: unknown): ReturnFigures {
  const checked = validateFigures(input)
  if (checked.ok) return checked.data
  const issue = checked.issues[0]!
  throw new UserInputError(issue.message, { field: issue.field })
}

type CheckedDocument = { fileName: string; type: DocumentType; bytes: Buffer; kind: 'regulation-44' }

async function checkDocument(upload: DocumentUpload): Promise<CheckedDocument> {
  if (!upload || !Buffer.isBuffer(upload.bytes) || upload.bytes.length === 0)
    throw new UserInputError('The selected file is empty', { field: REPORT_FIELD })
  if (upload.bytes.length > MAX_DOCUMENT_BYTES)
    throw new UserInputError('The selected file must be smaller than 10 MB', { field: REPORT_FIELD })
  const type = await recogniseDocument(upload.bytes)
  if (!type)
    throw new UserInputError('The selected file must be a PDF, a Word document (DOCX) or an OpenDocument text (ODT)', {
      field: REPORT_FIELD,
    })
  return { fileName: documentFileName(upload.fileName, type), type, bytes: upload.bytes, kind: upload.kind ?? 'regulation-44' }
}

export function createSubmissions(shared: ReturnsShared) {
  const { ctx, repos, visibleContract } = shared

  /** Every month owed, with its status, current version and how many documents came. */
  async function monthsOf(db: Db, contract: ReturnsContract): Promise<ReturnMonth[]> {
    const [rows, documents] = await Promise.all([repos.returns.returns(db, contract.id), repos.returns.documents(db, contract.id)])
    const today = ctx.today()
    return monthsDue(contract, today).map((month) => {
      const versions = rows.filter((r) => r.month === month)
      const first = versions.find((r) => r.version === 1) ?? null
      const current = versions.find((r) => r.superseded_at === null) ?? null
      return {
        month,
        dueDate: dueDateOf(month),
        status: returnStatus(month, first?.submitted_at ?? null, today),
        firstSubmittedAt: first?.submitted_at ?? null,
        current: current ? versionView(current) : null,
        versions: versions.length,
        documents: documents.filter((d) => d.month === month).length,
      }
    })
  }

  return {
    monthsOf,

    /** The actor's contracts (a provider's own) with the months each owes. */
    async returnContracts(actor: Actor): Promise<{ contract: ReturnsContract; months: ReturnMonth[] }[]> {
      authorise(actor, 'contract:read')
      const db = ctx.deps.db
      const contracts = (await repos.returns.contracts(db, dataScope(actor))).map(contractView)
      return Promise.all(contracts.map(async (contract) => ({ contract, months: await monthsOf(db, contract) })))
    },

    async returnMonths(actor: Actor, contractId: string): Promise<{ contract: ReturnsContract; months: ReturnMonth[] }> {
      const contract = await visibleContract(ctx.deps.db, actor, contractId)
      return { contract, months: await monthsOf(ctx.deps.db, contract) }
    },

    /** One month: its status, every version (newest first) and documents. NotFoundError for a month not owed. */
    async returnMonth(actor: Actor, contractId: string, month: string): Promise<MonthDetail> {
      const db = ctx.deps.db
      const contract = await visibleContract(db, actor, contractId)
      const found = (await monthsOf(db, contract)).find((m) => m.month === month)
      if (!found) throw new NotFoundError('No return is owed for that month')
      const [rows, documents] = await Promise.all([repos.returns.returns(db, contractId), repos.returns.documents(db, contractId, month)])
      return {
        contract,
        month: found,
        versions: rows
          .filter((r) => r.month === month)
          .map(versionView)
          .sort((a, b) => b.version - a.version),
        documents: documents.map(documentView),
      }
    },

    /**
     * Sends a month's return, or corrects it: the earlier version is kept, marked superseded.
     * Documents belong to the month from then on. `submittedAt` is for the system (the demo's history) only.
     */
    async submitReturn(
      actor: Actor,
      contractId: string,
      month: string,
      figures: ReturnFigures,
      documents: readonly DocumentUpload[] = [],
      opts: { submittedAt?: string } = {},
    ): Promise<{ id: string; version: number }> {
      if (!isMonth(month)) throw new UserInputError('Select a month the return is for', { field: 'month' })
      if (opts.submittedAt && actor.role !== 'system') throw new ForbiddenError('contract:edit')
      const f = parseFigures(figures)
      const checked = await Promise.all(documents.map(checkDocument))
      return ctx.run(async (tx) => {
        const contract = await visibleContract(tx, actor, contractId)
        if (!maySubmit(actor, contract)) throw new ForbiddenError('contract:edit')
        if (!monthsDue(contract, ctx.today()).includes(month))
          throw new UserInputError(
            `A return can be sent for a month of the contract once the month is over; ${monthName(month)} is not one`,
            { field: 'month' },
          )
        const at = opts.submittedAt ?? ctx.deps.now().toISOString()
        const current = await repos.returns.currentReturn(tx, contractId, month)
        const id = randomUUID()
        const version = (current?.version ?? 0) + 1
        // Another submission for the month got in first: refuse rather than fork the history.
        if (current && !(await repos.returns.supersede(tx, current.id, at)))
          throw new UserInputError('The return for this month was changed while you were editing it. Check it and send it again.', {
            field: 'childrenAccommodated',
          })
        await repos.returns.insertReturn(tx, {
          id,
          contract_id: contractId,
          month,
          version,
          children_accommodated: f.childrenAccommodated,
          incidents: f.incidents,
          missing_episodes: f.missingEpisodes,
          education_hours_per_child_week: f.educationHoursPerChildPerWeek,
          physical_interventions: f.physicalInterventions,
          staff_hours: f.staffHours,
          agency_staff_hours: f.agencyStaffHours,
          regulation40_notifications: f.regulation40Notifications,
          notes: f.notes,
          submitted_by: actor.userId,
          submitted_by_label: actor.label,
          submitted_at: at,
          superseded_at: null,
        })
        const stored = []
        for (const d of checked) {
          const row = {
            id: randomUUID(),
            contract_id: contractId,
            month,
            return_id: id,
            kind: d.kind,
            file_name: d.fileName,
            content_type: d.type.contentType,
            bytes: d.bytes.length,
            sha256: createHash('sha256').update(d.bytes).digest('hex'),
            content: d.bytes.toString('base64'),
            uploaded_by: actor.userId,
            uploaded_by_label: actor.label,
            uploaded_at: at,
          }
          await repos.returns.insertDocument(tx, row)
          stored.push({ id: row.id, kind: row.kind, fileName: row.file_name, bytes: row.bytes, sha256: row.sha256 })
        }
        await ctx.deps.audit.record(tx, actor, {
          action: current ? 'correct-return' : 'submit-return',
          entityType: 'provider_return',
          entityId: `${contractId}/${month}`,
          before: current ? { version: current.version, ...figuresOf(current) } : null,
          after: { version, returnId: id, ...f, documents: stored },
        })
        return { id, version }
      })
    },

    /** A document's content, for download; every download is audited. */
    async returnDocument(
      actor: Actor,
      contractId: string,
      documentId: string,
    ): Promise<{ fileName: string; contentType: string; bytes: Buffer }> {
      return ctx.run(async (tx) => {
        await visibleContract(tx, actor, contractId)
        const d = await repos.returns.document(tx, contractId, documentId)
        if (!d) throw new NotFoundError('No such document')
        await ctx.deps.audit.record(tx, actor, {
          action: 'download',
          entityType: 'contract_return_document',
          entityId: d.id,
          after: { contractId, month: d.month, fileName: d.file_name, bytes: d.bytes, sha256: d.sha256 },
        })
        return { fileName: d.file_name, contentType: d.content_type, bytes: Buffer.from(d.content, 'base64') }
      })
    },
  }
}
