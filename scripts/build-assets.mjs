// Builds the stylesheet with sass (council branding: no GDS Transport, no crown) and copies
// govuk-frontend's script into public/. Fast enough to run before every start and test.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import * as sass from 'sass'

const require = createRequire(import.meta.url)
const govuk = dirname(require.resolve('govuk-frontend/package.json'))
const out = 'public'
mkdirSync(join(out, 'stylesheets'), { recursive: true })
mkdirSync(join(out, 'javascripts'), { recursive: true })

const result = sass.compile('src/platform/web/assets/application.scss', {
  style: 'compressed',
  importers: [new sass.NodePackageImporter()],
  quietDeps: true,
  silenceDeprecations: ['import'],
})
writeFileSync(join(out, 'stylesheets', 'application.css'), result.css)
cpSync(join(govuk, 'dist/govuk/govuk-frontend.min.js'), join(out, 'javascripts', 'govuk-frontend.min.js'))
// Only the generic images: the crest and GOV.UK icons stay out.
mkdirSync(join(out, 'assets', 'images'), { recursive: true })
