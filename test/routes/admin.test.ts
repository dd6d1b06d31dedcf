import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { Client, startTestApp, TEST_PASSWORD, type TestApp } from '../support/app.js'

describe('user administration', () => {
  let t: TestApp
  let admin: Client
  before(async () => {
    t = await startTestApp()
    const { email } = await t.createUser('admin')
    admin = new Client(t.baseUrl)
    await admin.signIn(email)
  })
  after(() => t.close())

  test('an admin invites a user, who sets a password and signs in', async () => {
    await admin.get('/admin/users/invite')
    const res = await admin.post('/admin/users/invite', {
      displayName: 'Pat Example',
      email: 'Pat@Example.test',
      organisationId: t.councilId,
      role: 'placement_officer',
    })
    assert.equal(res.status, 302)
    const list = await admin.get('/admin/users')
    const link = /\/account\/accept\/([\w-]+)/.exec(list.text)
    assert.ok(link, 'the invitation link is shown once to the admin')
    const invitee = new Client(t.baseUrl)
    const form = await invitee.get(link[0])
    assert.equal(form.status, 200)
    const mismatch = await invitee.post(link[0], { password: TEST_PASSWORD, confirm: 'something else entirely' })
    assert.equal(mismatch.status, 400)
    assert.match(mismatch.text, /href="#confirm"/)
    assert.equal((await invitee.post(link[0], { password: TEST_PASSWORD, confirm: TEST_PASSWORD })).status, 302)
    assert.equal((await invitee.get(link[0])).status, 404, 'an invitation works once')
    assert.equal((await invitee.signIn('pat@example.test')).status, 302)
  })

  test('a bad invitation names each control and creates nobody', async () => {
    const before = (
      await t.services.users.list({
        userId: null,
        label: 't',
        organisationId: null,
        organisationKind: 'system',
        role: 'system',
        providerId: null,
      })
    ).length
    await admin.get('/admin/users/invite')
    const res = await admin.post('/admin/users/invite', { displayName: '', email: 'not-an-email', organisationId: '', role: 'emperor' })
    assert.equal(res.status, 400)
    for (const control of ['displayName', 'email', 'organisationId', 'role']) assert.match(res.text, new RegExp(`href="#${control}"`))
    const after = (
      await t.services.users.list({
        userId: null,
        label: 't',
        organisationId: null,
        organisationKind: 'system',
        role: 'system',
        providerId: null,
      })
    ).length
    assert.equal(after, before)
  })

  test('a disabled user is signed out at the next request; re-role is audited', async () => {
    const { id, email } = await t.createUser('social_worker')
    const victim = new Client(t.baseUrl)
    await victim.signIn(email)
    assert.equal((await victim.get('/')).status, 200)
    await admin.get(`/admin/users/${id}`)
    assert.equal((await admin.post(`/admin/users/${id}/role`, { role: 'head_of_service' })).status, 302)
    assert.equal((await admin.post(`/admin/users/${id}/status`, { action: 'disable' })).status, 302)
    assert.equal((await victim.get('/')).status, 302)
    const audit = await t.services.audit.list({ entityType: 'user', entityId: id, limit: 10, offset: 0 })
    assert.deepEqual(audit.rows.map((r) => r.action).slice(0, 2), ['disable', 're-role'])
    assert.match(audit.rows[1]!.before_json ?? '', /social_worker/)
    assert.match(audit.rows[1]!.after_json ?? '', /head_of_service/)
  })

  test('a provider organisation cannot be given a council role', async () => {
    const { inTransaction } = await import('../../src/platform/db/transaction.js')
    const { systemActor } = await import('../../src/platform/auth/actor.js')
    const orgId = await inTransaction(t.services.db, (tx) =>
      t.services.users.createOrganisation(systemActor('t'), tx, { name: 'Acme Care', kind: 'provider' }),
    )
    await admin.get('/admin/users/invite')
    const res = await admin.post('/admin/users/invite', {
      displayName: 'Sam',
      email: 'sam@acme.test',
      organisationId: orgId,
      role: 'admin',
    })
    assert.equal(res.status, 400)
    assert.match(res.text, /href="#role"/)
  })
})
