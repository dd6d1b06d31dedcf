import type { OcdsStage } from './types.js'

/** A release's id: `${ocid}-${stage}-${n}`, n counting the stage's publications from 1. */
export function releaseId(ocid: string, stage: OcdsStage, n = 1): string {
  return `${ocid}-${stage}-${n}`
}
