import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Express } from 'express'
import nunjucks from 'nunjucks'
import type { Config } from '../config.js'
import { formatDate, formatPence, formatNumber } from './format.js'

const require = createRequire(import.meta.url)
const srcDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Each room keeps its views in `src/<room>/views`; the shell's own live in `platform/web/views`. */
export function setUpNunjucks(app: Express, config: Config): nunjucks.Environment {
  const govuk = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist')
  const rooms = [
    'platform/web',
    'platform/auth',
    'platform/audit',
    'market',
    'geo',
    'tender',
    'contract',
    'placement',
    'evidence',
    'appraisal',
  ]
  const env = nunjucks.configure([...rooms.map((r) => join(srcDir, r, 'views')), govuk], {
    autoescape: true,
    express: app,
    noCache: config.env === 'development',
    throwOnUndefined: false,
  })
  app.set('view engine', 'njk')
  env.addGlobal('council', config.council)
  env.addFilter('pence', formatPence)
  env.addFilter('date', formatDate)
  env.addFilter('number', formatNumber)
  return env
}
