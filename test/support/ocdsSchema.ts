import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import AjvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'

// The OCDS 1.1.5 + extensions schema bundle lives beside the repository, never in it.
const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
export const OCDS_BUNDLE = resolve(repoRoot, '..', 'shared', 'data', 'ocds')
export const ocdsSkip: string | false = existsSync(OCDS_BUNDLE) ? false : `no OCDS schema bundle at ${OCDS_BUNDLE}`

// Both are CommonJS: under NodeNext the class and the plugin are their `default` exports.
const Ajv = AjvDraft04.default
const addFormats = ajvFormats.default

let compiled: ((data: unknown) => string[]) | undefined

/** A validator for OCDS release packages, compiled once (the merged schema takes a second or so). */
export function ocdsValidator(): (data: unknown) => string[] {
  compiled ??= compile()
  return compiled
}

function compile(): (data: unknown) => string[] {
  const read = (f: string) => JSON.parse(readFileSync(resolve(OCDS_BUNDLE, f), 'utf8')) as object
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strictNumbers: false })
  addFormats(ajv, ['date-time', 'uri'])
  ajv.addVocabulary(['codelist', 'openCodelist', 'omitWhenMerged', 'wholeListMerge', 'versionId', 'deprecated'])
  ajv.addSchema(read('release-schema.json'), 'release-schema.json')
  const validate = ajv.compile(read('release-package-schema.json'))
  return (data: unknown) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`))
}
