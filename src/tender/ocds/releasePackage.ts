/**
 * OCDS 1.1 release packages for one mini-competition — a call-off under a framework, so its own
 * ocid, linked to the framework's ocid by `relatedProcesses` (OCDS framework guidance). One
 * package per stage: 'tender' when published, 'award' when the decision is announced, 'contract'
 * when signed. Pure: the same record and options give the same JSON.
 */
import { ocdsDateTime } from './dateTime.js'
import { buildAwards, buildContracts } from './awardSection.js'
import { releaseId } from './releaseId.js'
import { PartyList } from './parties.js'
import { buildTender, lotsOf } from './tenderSection.js'
import {
  OcdsTenderRecordSchema,
  type OcdsPublishOptions,
  type OcdsRelease,
  type OcdsReleasePackage,
  type OcdsStage,
  type OcdsTenderRecord,
} from './types.js'

const ext = (repo: string, branch = 'master', owner = 'open-contracting-extensions') =>
  `https://raw.githubusercontent.com/${owner}/${repo}/${branch}/extension.json`

/** The extensions whose fields we use: lots, techniques (+ competitive), renewal, lot award criteria, and the UK's standstillPeriod. */
export const OCDS_EXTENSIONS: readonly string[] = [
  ext('ocds_lots_extension'),
  ext('ocds_techniques_extension'),
  ext('ocds_renewal_extension'),
  ext('ocds_awardCriteria_extension'),
  ext('ocds_uk_extension', 'main', 'cabinetoffice'),
]

export const OPEN_GOVERNMENT_LICENCE = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/'

export class OcdsRecordError extends Error {
  override name = 'OcdsRecordError'
}

function latest(dates: string[]): string | undefined {
  return dates
    .map((d) => ocdsDateTime(d))
    .sort((a, b) => Date.parse(a) - Date.parse(b))
    .at(-1)
}

export { releaseId }

export function buildReleasePackage(input: OcdsTenderRecord, stage: OcdsStage, opts: OcdsPublishOptions): OcdsReleasePackage {
  const parsed = OcdsTenderRecordSchema.safeParse(input)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`)
    throw new OcdsRecordError(`The OCDS record for tender ${input?.tender?.id ?? '?'} is not valid:\n  ${lines.join('\n  ')}`)
  }
  const record = parsed.data
  const t = record.tender
  if (!t.publishedAt) throw new OcdsRecordError(`Tender ${t.id} has not been published, so it has nothing to release`)
  if (stage !== 'tender' && record.awards.length === 0) throw new OcdsRecordError(`Tender ${t.id} has no award to release`)
  if (stage === 'contract' && record.contracts.length === 0) throw new OcdsRecordError(`Tender ${t.id} has no contract to release`)

  const parties = new PartyList()
  const buyer = parties.add(record.buyer.id, record.buyer.name, 'buyer', record.buyer.address)
  const tender = buildTender(record, stage, parties)
  const awards =
    stage === 'tender'
      ? undefined
      : buildAwards(
          record,
          lotsOf(t).map((l) => l.id),
          parties,
        )
  const contracts = stage === 'contract' ? buildContracts(record, parties) : undefined
  // Each amendment republished the contract stage: the latest release is the one after the last amendment.
  const amendments = (contracts ?? []).flatMap((c) => c.amendments ?? [])

  // The release's date is that of the event it reports, so republishing gives the same release.
  const date =
    stage === 'tender'
      ? ocdsDateTime(t.publishedAt)
      : stage === 'award'
        ? latest(record.awards.map((a) => a.date))!
        : (latest([...record.contracts.flatMap((c) => (c.dateSigned ? [c.dateSigned] : [])), ...amendments.map((a) => a.date)]) ??
          ocdsDateTime(opts.publishedDate))

  const release: OcdsRelease = {
    ocid: t.ocid,
    id: releaseId(t.ocid, stage, opts.releaseNumber ?? amendments.length + 1),
    date,
    tag: [amendments.length > 0 ? 'contractAmendment' : stage],
    initiationType: 'tender',
    language: 'en',
    parties: parties.list(),
    buyer,
    relatedProcesses: [
      { id: '1', relationship: ['framework'], scheme: 'ocid', identifier: record.framework.ocid, title: record.framework.name },
    ],
    tender,
  }
  if (awards) release.awards = awards
  if (contracts) release.contracts = contracts

  const pkg: OcdsReleasePackage = {
    uri: opts.uri,
    version: '1.1',
    publishedDate: ocdsDateTime(opts.publishedDate),
    publisher: opts.publisher,
    license: opts.license ?? OPEN_GOVERNMENT_LICENCE,
    extensions: [...OCDS_EXTENSIONS],
    releases: [release],
  }
  if (opts.publicationPolicy) pkg.publicationPolicy = opts.publicationPolicy
  return pkg
}
