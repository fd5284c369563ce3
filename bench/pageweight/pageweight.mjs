// Page weight and load time in real Chromium over the DevTools protocol (ADR 111,
// docs/benchmarks.md "Page weight"). Run by bench/pageweight/run.sh:
//   node pageweight.mjs <base url> <runs> <user> <password>
// For /login and the dashboard (/) it measures, per run: a cold visit (browser cache cleared) and
// a visit with cached assets (the same page again). Bytes from the Resource Timing API of the page
// (transferSize: bytes on the wire incl. headers, 0 for the cache; decodedBodySize: bytes after
// decompression; JS and CSS shown apart), time = until the page has loaded AND Vaadin's client has
// no request in flight (the view is rendered), from navigation start. LIST=1 also lists the files of
// each page's last cold visit (name, transferred, decoded). TIMELINE=1 also prints the timeline of
// the dashboard's last cold and cached visits: navigation phases, first paint, and every request
// (start, time to first byte, end; ms from navigation start), in the order the browser sent them.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, runsArg, user, password] = process.argv.slice(2);
const runs = Number(runsArg || 5);
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const profile = mkdtempSync(join(tmpdir(), 'pageweight-'));
const port = 9300 + Math.floor(Math.random() * 500);
const browser = spawn(chromium, ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-extensions', '--disable-background-networking', `--user-data-dir=${profile}`,
  `--remote-debugging-port=${port}`, '--remote-debugging-address=127.0.0.1', 'about:blank'],
  { stdio: 'ignore' });
const cleanup = () => { try { browser.kill('SIGTERM'); } catch {} try { rmSync(profile, { recursive: true, force: true }); } catch {} };
process.on('exit', cleanup);

async function target() {
  for (let i = 0; i < 100; i++) {
    try {
      const list = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
      const page = list.find(t => t.type === 'page');
      if (page) return page.webSocketDebuggerUrl;
    } catch {}
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error('Chromium did not start (' + chromium + ')');
}

const ws = new WebSocket(await target());
await new Promise((ok, fail) => { ws.onopen = ok; ws.onerror = fail; });
let nextId = 1;
const pending = new Map();
const listeners = [];
ws.onmessage = m => {
  const msg = JSON.parse(m.data);
  if (msg.id && pending.has(msg.id)) {
    const { ok, fail } = pending.get(msg.id);
    pending.delete(msg.id);
    msg.error ? fail(new Error(JSON.stringify(msg.error))) : ok(msg.result);
  } else if (msg.method) {
    listeners.slice().forEach(l => l(msg));
  }
};
const send = (method, params = {}) => new Promise((ok, fail) => {
  const id = nextId++;
  pending.set(id, { ok, fail });
  ws.send(JSON.stringify({ id, method, params }));
});
const once = method => new Promise(ok => {
  const l = msg => { if (msg.method === method) { listeners.splice(listeners.indexOf(l), 1); ok(msg.params); } };
  listeners.push(l);
});
const evaluate = async expression => {
  const r = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
  if (r.exceptionDetails) throw new Error(JSON.stringify(r.exceptionDetails));
  return r.result.value;
};

await send('Page.enable');
await send('Network.enable');
await send('Network.setCacheDisabled', { cacheDisabled: false });

// loaded, and Vaadin's client idle twice in a row (the view rendered); then the page's own numbers
const settled = `new Promise(done => {
  let quiet = 0, since = 0;
  const check = () => {
    const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
    const busy = !clients || Object.keys(clients).length === 0
      || Object.values(clients).some(c => c.isActive && c.isActive());
    const now = performance.now();
    quiet = document.readyState === 'complete' && !busy ? quiet + 1 : 0;
    if (quiet === 1) since = now;
    if (quiet >= 3) {
      const nav = performance.getEntriesByType('navigation')[0];
      const all = [nav, ...performance.getEntriesByType('resource')];
      const sum = (pick, test) => all.filter(test).reduce((s, e) => s + (e[pick] || 0), 0);
      const isJs = e => /\\.m?js(\\?|$)/.test(e.name);
      const isCss = e => /\\.css(\\?|$)/.test(e.name);
      const files = all.map(e => ({ name: e.name.replace(location.origin, ''), transferred: e.transferSize || 0,
        decoded: e.decodedBodySize || 0 }));
      const paint = Object.fromEntries(performance.getEntriesByType('paint').map(p => [p.name, Math.round(p.startTime)]));
      const timeline = all.map(e => ({ name: e.name.replace(location.origin, ''), start: Math.round(e.startTime),
        request: Math.round(e.requestStart), firstByte: Math.round(e.responseStart), end: Math.round(e.responseEnd),
        transferred: e.transferSize || 0 }));
      const phases = { responseEnd: Math.round(nav.responseEnd), domInteractive: Math.round(nav.domInteractive),
        domContentLoaded: Math.round(nav.domContentLoadedEventEnd), load: Math.round(nav.loadEventEnd) };
      done({ ms: Math.round(since), fcp: paint['first-contentful-paint'] || 0, phases, timeline, requests: all.length, files,
        transferred: sum('transferSize', () => true), decoded: sum('decodedBodySize', () => true),
        jsCssTransferred: sum('transferSize', e => isJs(e) || isCss(e)),
        jsCssDecoded: sum('decodedBodySize', e => isJs(e) || isCss(e)),
        fromCache: all.filter(e => e.transferSize === 0 && e.decodedBodySize > 0).length });
    } else {
      setTimeout(check, 10);
    }
  };
  check();
})`;

async function visit(url) {
  const loaded = once('Page.loadEventFired');
  await send('Page.navigate', { url });
  await loaded;
  return evaluate(settled);
}

async function signIn() {
  await visit(base + '/login');
  const status = await evaluate(`(async () => {
    const token = document.querySelector('meta[name="_csrf"]').content;
    const body = new URLSearchParams({ username: ${JSON.stringify(user)}, password: ${JSON.stringify(password)}, _csrf: token });
    const r = await fetch('/login', { method: 'POST', body, redirect: 'manual', credentials: 'same-origin' });
    return r.type === 'opaqueredirect' || r.ok ? 'ok' : 'status ' + r.status;
  })()`);
  if (status !== 'ok') throw new Error('sign-in failed: ' + status);
}

const results = { login: { cold: [], cached: [] }, dashboard: { cold: [], cached: [] } };
for (let i = 0; i < runs; i++) {
  await send('Network.clearBrowserCache');
  await send('Network.clearBrowserCookies');
  results.login.cold.push(await visit(base + '/login'));
  results.login.cached.push(await visit(base + '/login'));
  await signIn();
  await send('Network.clearBrowserCache');
  results.dashboard.cold.push(await visit(base + '/'));
  results.dashboard.cached.push(await visit(base + '/'));
}

const median = xs => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : Math.round((s[m - 1] + s[m]) / 2); };
const kb = b => (b / 1024).toFixed(0).padStart(6) + ' KB';
console.log(`page weight, ${runs} runs, medians; ${base}`);
console.log('page        visit    time     first paint  transferred  decoded      JS+CSS transferred  JS+CSS decoded  requests  from cache');
for (const [page, kinds] of Object.entries(results)) {
  for (const [kind, list] of Object.entries(kinds)) {
    const m = k => median(list.map(r => r[k]));
    console.log(`${page.padEnd(11)} ${kind.padEnd(7)} ${String(m('ms')).padStart(5)} ms  ${String(m('fcp')).padStart(5)} ms     ${kb(m('transferred'))}    ${kb(m('decoded'))}    ${kb(m('jsCssTransferred'))}           ${kb(m('jsCssDecoded'))}       ${String(m('requests')).padStart(4)}      ${String(m('fromCache')).padStart(4)}`);
  }
}
if (process.env.LIST === '1') {
  // what each page's last cold visit loaded, largest first (decoded bytes): which files the first page needs
  for (const [page, kinds] of Object.entries(results)) {
    console.log(`files of ${page}, cold (last run):`);
    [...kinds.cold[kinds.cold.length - 1].files].sort((a, b) => b.decoded - a.decoded).forEach(f =>
      console.log(`  ${kb(f.transferred)}  ${kb(f.decoded)}  ${f.name}`));
  }
}
if (process.env.TIMELINE === '1') {
  for (const kind of ['cold', 'cached']) {
    const last = results.dashboard[kind][results.dashboard[kind].length - 1];
    console.log(`timeline of the dashboard, ${kind} (last run): view rendered and client idle at ${last.ms} ms,`
      + ` first contentful paint ${last.fcp} ms, ${JSON.stringify(last.phases)}`);
    console.log('  start  request  1st byte    end  transferred  name');
    [...last.timeline].sort((a, b) => a.start - b.start).forEach(e => console.log(`  ${String(e.start).padStart(5)}  `
      + `${String(e.request).padStart(7)}  ${String(e.firstByte).padStart(8)}  ${String(e.end).padStart(5)}  ${kb(e.transferred)}  ${e.name}`));
  }
}
console.log('all times (ms): ' + JSON.stringify(Object.fromEntries(Object.entries(results).map(([p, k]) =>
  [p, Object.fromEntries(Object.entries(k).map(([kind, l]) => [kind, l.map(r => r.ms)]))]))));
ws.close();
cleanup();
process.exit(0);
