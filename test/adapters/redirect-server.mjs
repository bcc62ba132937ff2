// Real HTTP for RestBackend's redirect rules (docs/ADAPTERS.md, "Redirects"): a middleware of the
// test server under /__redirect/. A test stores an invoice (PUT fixture/<id>), then asks the
// adapter for it through a redirect to the same origin or to the other one (localhost and
// 127.0.0.1 are two origins on the same server), and counts the writes that reached the
// redirect's target (GET hits/<id>).
const fixtures = new Map();
const hits = new Map();

/** The same server under the other host name: another origin. */
function otherOrigin(host) {
  const [name, port] = host.split(':');
  return `http://${name === 'localhost' ? '127.0.0.1' : 'localhost'}:${port}`;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

export async function redirectServer(context, next) {
  const match = /^\/__redirect\/(.*)$/.exec(context.path);
  if (!match) return next();
  const [route, ...rest] = match[1].split('/');
  const { method } = context;
  if (route === 'fixture' && method === 'PUT') {
    fixtures.set(rest[0], await readBody(context.req));
    context.status = 204;
    return;
  }
  if (route === 'hits') {
    context.type = 'application/json';
    context.body = JSON.stringify({ hits: hits.get(rest[0]) ?? 0 });
    return;
  }
  if (route === 'final') {
    // The redirect's target lets any origin in (as a hostile one would).
    const origin = context.get('Origin');
    context.set('Access-Control-Allow-Origin', origin || '*');
    context.set('Access-Control-Allow-Methods', 'GET, POST, DELETE');
    context.set('Access-Control-Allow-Headers', context.get('Access-Control-Request-Headers'));
    context.set('Access-Control-Expose-Headers', 'ETag');
    if (method === 'OPTIONS') {
      context.status = 204;
      return;
    }
    // final/invoices/<id>[/status]
    const id = rest[1];
    if (method !== 'GET') hits.set(id, (hits.get(id) ?? 0) + 1);
    if (method === 'DELETE') {
      context.status = 204;
      return;
    }
    context.type = 'application/json';
    context.body = fixtures.get(id) ?? '{}';
    return;
  }
  if (route === 'cross' || route === 'same') {
    // cross|same/<status>/invoices/<id>[/status]
    const [status, ...path] = rest;
    const target = `/__redirect/final/${path.join('/')}`;
    context.status = Number(status);
    context.set('Location', route === 'same' ? target : otherOrigin(context.host) + target);
    context.body = '';
    return;
  }
  return next();
}
