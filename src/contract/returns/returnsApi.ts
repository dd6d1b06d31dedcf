/** What the returns part's service gives its pages and other parts. Dates ISO; months 'YYYY-MM'. */
import type { ReturnFigures } from './domain/figures.js'
import type { DocumentKind } from './domain/documents.js'
import type { Direction } from './domain/measures.js'
import type { ReturnStatus } from './domain/months.js'

export type { ReturnFigures, ReturnStatus, Direction, DocumentKind }

/** The contract as the returns pages head it. */
export type ReturnsContract = {
  id: string
  reference: string
  providerId: string
  providerName: string
  homeIds: string[]
  startDate: string
  endDate: string
  status: 'active' | 'ended' | 'terminated'
}

export type ReturnDocument = {
  id: string
  month: string
  kind: DocumentKind
  fileName: string
  contentType: string
  bytes: number
  uploadedAt: string
  uploadedBy: string
}

export type ReturnVersion = {
  id: string
  version: number
  figures: ReturnFigures
  submittedAt: string
  submittedBy: string
  supersededAt: string | null
}

/** One month a return is owed for. */
export type ReturnMonth = {
  month: string
  dueDate: string
  status: ReturnStatus
  /** When the first version came (what decides late), and the current version. */
  firstSubmittedAt: string | null
  current: ReturnVersion | null
  versions: number
  documents: number
}

export type MonthDetail = {
  contract: ReturnsContract
  month: ReturnMonth
  /** Newest first. */
  versions: ReturnVersion[]
  documents: ReturnDocument[]
}

export type DocumentUpload = { fileName: string; bytes: Buffer; kind?: DocumentKind }

export type KpiTarget = {
  id: string
  measure: string
  label: string
  /** False for a measure this version does not work out: it shows no data. */
  known: boolean
  direction: Direction
  target: number
  amberMargin: number
}

export type KpiTargetInput = { measure: string; direction: Direction; target: number; amberMargin: number }

export type OfstedAlert = {
  id: string
  contractId: string
  contractReference: string
  providerName: string
  homeId: string
  homeName: string
  /** False when the home was inspected during the contract before any judgement was accepted. */
  fromAccepted: boolean
  from: string | null
  fromDate: string | null
  to: string | null
  toDate: string | null
  raisedAt: string
  status: 'open' | 'acknowledged' | 'superseded'
  closedAt: string | null
  closedBy: string | null
  note: string | null
}

export type OfstedCheck = { baselines: number; raised: number; superseded: number }
