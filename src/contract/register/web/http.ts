/** The register's routes use the platform's request helpers (kept here as the ledger's routes import them from here too). */
export { bodyOf, param, refusal, success } from '../../../platform/web/http.js'
