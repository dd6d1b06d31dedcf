import assert from 'node:assert/strict'
import { test } from 'node:test'
import { hashPassword, passwordProblem, verifyPassword } from './password.js'

const cheap = { N: 2 ** 12, r: 8, p: 1 }

test('a password verifies against its own hash and no other', async () => {
  const hash = await hashPassword('correct horse battery', cheap)
  assert.match(hash, /^scrypt\$4096\$8\$1\$/)
  assert.equal(await verifyPassword('correct horse battery', hash), true)
  assert.equal(await verifyPassword('correct horse batterY', hash), false)
})

test('the same password hashes differently each time (salted)', async () => {
  assert.notEqual(await hashPassword('same password here', cheap), await hashPassword('same password here', cheap))
})

test('a malformed or too-cheap stored hash never verifies', async () => {
  assert.equal(await verifyPassword('x', 'plain'), false)
  const weak = (await hashPassword('abcdefghijkl', cheap)).replace('$4096$', '$16$')
  assert.equal(await verifyPassword('abcdefghijkl', weak), false)
})

test('short passwords are refused with a reason', () => {
  assert.match(passwordProblem('short') ?? '', /at least 12/)
  assert.equal(passwordProblem('a long enough passphrase'), null)
})
