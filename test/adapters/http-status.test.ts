/**
 * The one table of HTTP status ↔ error kind (src/adapters/http-status.ts), read both ways: by
 * the REST adapter (status → kind) and by the msw handlers (kind → status).
 */
import { expect } from '@open-wc/testing';
import {
  HTTP_STATUSES,
  kindOfStatus,
  statusOfKind,
  type HttpErrorKind,
} from '../../src/adapters/http-status.js';
import { errorFromResponse } from '../../src/adapters/rest/http.js';
import { BACKEND_ERROR_KINDS, type BackendErrorKind } from '../../src/core/errors.js';

/** Kinds that never come from a server: no HTTP answer at all, or the elements' own. */
const NOT_FROM_A_SERVER: readonly BackendErrorKind[] = [
  'network',
  'timeout',
  'aborted',
  'no-backend',
  'config',
];
const SERVER_KINDS = BACKEND_ERROR_KINDS.filter(
  (kind) => !NOT_FROM_A_SERVER.includes(kind),
) as HttpErrorKind[];

describe('adapters/http-status', () => {
  it('maps every kind a server can send, and no other', () => {
    expect(Object.keys(HTTP_STATUSES).sort()).to.deep.equal([...SERVER_KINDS].sort());
    expect(SERVER_KINDS.length).to.equal(8);
  });

  it('round trip kind → status → kind, the body naming the kind (as the handlers send it)', () => {
    for (const kind of SERVER_KINDS) {
      const status = statusOfKind(kind);
      expect(status, kind).to.be.within(400, 599);
      expect(kindOfStatus(status, kind), `${kind} → ${status}`).to.equal(kind);
    }
  });

  it('round trip through the REST adapter: the error body the handlers send reads back', () => {
    for (const kind of SERVER_KINDS) {
      const status = statusOfKind(kind);
      const error = errorFromResponse(status, new Headers(), { error: { kind, message: 'm' } });
      expect(error.kind, `${kind} → ${status}`).to.equal(kind);
      expect(error.status).to.equal(status);
    }
  });

  it('round trip without a body: every kind but invalid-transition (a 422 needs the body)', () => {
    for (const kind of SERVER_KINDS) {
      const back = kindOfStatus(statusOfKind(kind));
      expect(back, kind).to.equal(kind === 'invalid-transition' ? 'validation' : kind);
    }
  });

  it("keeps an error's own status when it is one of its kind's, else the kind's first", () => {
    for (const kind of SERVER_KINDS) {
      for (const status of HTTP_STATUSES[kind]) {
        expect(statusOfKind(kind, status), `${kind} ${status}`).to.equal(status);
        expect(kindOfStatus(status, kind), `${status} ${kind}`).to.equal(kind);
      }
    }
    expect(statusOfKind('server', 503)).to.equal(503);
    expect(statusOfKind('server', 418)).to.equal(500);
    expect(statusOfKind('conflict', 400)).to.equal(409);
    expect(statusOfKind('validation', 422)).to.equal(422);
    expect(statusOfKind('unauthorized', 403)).to.equal(401);
  });

  it('answers 500 for a kind no server sends', () => {
    for (const kind of NOT_FROM_A_SERVER) expect(statusOfKind(kind), kind).to.equal(500);
  });

  it("reads any other status as server, and ignores a body's kind the status does not fit", () => {
    expect(kindOfStatus(503)).to.equal('server');
    expect(kindOfStatus(418)).to.equal('server');
    expect(kindOfStatus(302)).to.equal('server');
    expect(kindOfStatus(400, 'conflict')).to.equal('validation');
    expect(kindOfStatus(422, 'not-found')).to.equal('validation');
    expect(kindOfStatus(410)).to.equal('not-found');
    expect(kindOfStatus(412)).to.equal('conflict');
    expect(errorFromResponse(500, new Headers(), { error: { kind: 'no-backend' } }).kind).to.equal(
      'server',
    );
    // A server cannot claim the elements' configuration error either.
    expect(errorFromResponse(503, new Headers(), { error: { kind: 'config' } }).kind).to.equal(
      'server',
    );
  });
});
