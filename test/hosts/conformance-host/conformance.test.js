// The host's proof, in node's own test runner: the packed kit against the host's adapter.
import { describe, it } from 'node:test';
import { defineConformanceSuite } from 'invoice-elements/testing';
import { ArrayBackend } from './src/array-backend.js';
import { arrayFixture } from './src/fixture.js';

defineConformanceSuite({ describe, it }, () => {
  const backend = new ArrayBackend();
  return { backend, fixture: arrayFixture(backend) };
});
