import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

test('defaults: port 3000 on 127.0.0.1, data in ./data, embedded database', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.host, '127.0.0.1');
  assert.equal(c.dataDir, path.resolve('./data'));
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.oidc, undefined);
});

test('a bad value fails fast and names the variable', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty' }), (e: Error) => e instanceof ConfigError && e.message.includes('PORT'));
  assert.throws(() => loadConfig({ DATABASE_URL: 'not a url' }), (e: Error) => e.message.includes('DATABASE_URL'));
});

test('single sign-on needs all four OIDC variables together', () => {
  assert.throws(() => loadConfig({ OIDC_ISSUER: 'https://login.example.com' }), /must be set together/);
  const c = loadConfig({
    OIDC_ISSUER: 'https://login.example.com/tenant/v2.0',
    OIDC_CLIENT_ID: 'spotlight',
    OIDC_CLIENT_SECRET: 's3cret',
    OIDC_REDIRECT_URI: 'https://spotlight.example.gov.uk/sign-in/oidc/callback',
  });
  assert.equal(c.oidc?.clientId, 'spotlight');
  assert.equal(c.oidc?.displayName, 'Microsoft Entra ID');
});
