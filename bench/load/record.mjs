// Records what a real browser (Debian's Chromium, headless) sends to TC Workspace and what the
// server answers, through the DevTools protocol: every request to the application with its body,
// every response body of Vaadin's UIDL requests, every push (WebSocket) frame. The scenario the
// load test replays is written from this record (bench/load/README.md).
// usage: node --experimental-websocket bench/load/record.mjs <base-url> <out.jsonl> [username]
// Needs Node 20.10+ (WebSocket) and /usr/bin/chromium. Runs one sign-in and the load test's mix.
import { spawn } from 'node:child_process';
import { writeFileSync, appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, out, user = 'chair-ict'] = process.argv.slice(2);
if (!base || !out) { console.error('usage: record.mjs <base-url> <out.jsonl> [username]'); process.exit(2); }
writeFileSync(out, '');
const port = 9300 + Math.floor(Math.random() * 500);
const profile = mkdtempSync(join(tmpdir(), 'tcw-rec-'));
const chrome = spawn('/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', `--remote-debugging-port=${port}`,
  `--user-data-dir=${profile}`, 'about:blank'], { stdio: 'ignore' });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let targets;
for (let i = 0; i < 50; i++) {
  try { targets = await (await fetch(`http://127.0.0.1:${port}/json`)).json(); if (targets.length) break; } catch { /* not yet */ }
  await sleep(200);
}
const page = targets.find((t) => t.type === 'page');
const ws = new WebSocket(page.webSocketDebuggerUrl);
await new Promise((r) => ws.addEventListener('open', r));
let nextId = 1;
const pending = new Map();
const record = (o) => appendFileSync(out, JSON.stringify(o) + '\n');
const send = (method, params = {}) => new Promise((resolve, reject) => {
  const id = nextId++;
  pending.set(id, { resolve, reject });
  ws.send(JSON.stringify({ id, method, params }));
});
const requests = new Map();
ws.addEventListener('message', async (m) => {
  const msg = JSON.parse(m.data);
  if (msg.id && pending.has(msg.id)) {
    const p = pending.get(msg.id); pending.delete(msg.id);
    msg.error ? p.reject(new Error(JSON.stringify(msg.error))) : p.resolve(msg.result);
    return;
  }
  const { method, params } = msg;
  if (method === 'Network.requestWillBeSent' && params.request.url.startsWith(base)) {
    requests.set(params.requestId, params.request.url);
    record({ t: Date.now(), kind: 'request', method: params.request.method, url: params.request.url,
      headers: params.request.headers, body: params.request.postData ?? null });
  } else if (method === 'Network.loadingFinished' && requests.has(params.requestId)) {
    const url = requests.get(params.requestId);
    if (url.includes('v-r=') || !url.includes('/VAADIN/')) {
      try {
        const b = await send('Network.getResponseBody', { requestId: params.requestId });
        record({ t: Date.now(), kind: 'response', url, body: b.body.slice(0, 200000) });
      } catch { /* redirects have no body */ }
    }
  } else if (method === 'Network.webSocketCreated') {
    record({ t: Date.now(), kind: 'ws-open', url: params.url });
  } else if (method === 'Network.webSocketFrameSent' || method === 'Network.webSocketFrameReceived') {
    record({ t: Date.now(), kind: method.endsWith('Sent') ? 'ws-sent' : 'ws-received', data: params.response.payloadData.slice(0, 20000) });
  }
});
await send('Network.enable', { maxPostDataSize: 1000000 });
await send('Page.enable');
const evaluate = async (expression) => (await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })).result?.value;
const mark = (step) => { record({ t: Date.now(), kind: 'step', step }); console.log('step', step); };
const waitFor = async (expr, ms = 30000) => {
  for (let i = 0; i < ms / 200; i++) { if (await evaluate(expr)) return; await sleep(200); }
  throw new Error('timed out waiting for ' + expr);
};
const clickLink = (href) => evaluate(`(() => { const a = [...document.querySelectorAll('a')].find(a => a.getAttribute('href') === ${JSON.stringify(href)}); if (!a) return false; a.click(); return true; })()`);
const navigateInApp = async (href, ready) => {
  mark('navigate ' + href);
  const clicked = await clickLink(href);
  if (!clicked) await evaluate(`window.dispatchEvent(new CustomEvent('vaadin-router-go', { detail: new URL(${JSON.stringify(href)}, location.href) })), true`);
  await waitFor(ready);
  await sleep(1500);
};

mark('login page');
await send('Page.navigate', { url: base + '/login' });
await waitFor(`!!document.querySelector('vaadin-login-form, vaadin-login-overlay, form')`);
await sleep(1500);
mark('sign in');
await evaluate(`(() => { const f = document.querySelector('vaadin-login-form');
  const set = (name, v) => { const i = f.querySelector('[name=' + name + ']') || f.shadowRoot?.querySelector('[name=' + name + ']'); i.value = v; i.dispatchEvent(new Event('input', {bubbles: true})); };
  set('username', ${JSON.stringify(user)}); set('password', 'demo');
  (f.querySelector('vaadin-button[slot=submit]') || f.querySelector('vaadin-button') ).click(); return true; })()`);
await waitFor(`location.pathname === '/' && !!document.querySelector('vaadin-app-layout')`);
await sleep(2500);
const thread = await evaluate(`[...document.querySelectorAll('a')].map(a => a.getAttribute('href')).find(h => h && /^\\/discussions\\/\\d+$/.test(h))`) ?? '/discussions/1';
for (const [href, ready] of [
  ['/commissions/ict', `location.pathname === '/commissions/ict'`],
  ['/commissions/ict/programme', `location.pathname === '/commissions/ict/programme'`],
  ['/commissions/ict/discussions', `location.pathname === '/commissions/ict/discussions'`],
]) { await navigateInApp(href, ready); }
record({ t: Date.now(), kind: 'step', step: 'thread ' + thread });
await navigateInApp(thread, `!!document.querySelector('#send')`);
mark('type reply');
await evaluate(`(() => { const t = document.querySelector('#body'); t.value = 'A reply from the recorder.'; t.inputElement.dispatchEvent(new Event('input', {bubbles: true})); t.inputElement.dispatchEvent(new Event('change', {bubbles: true})); return true; })()`);
await sleep(1000);
mark('send reply');
await evaluate(`document.querySelector('#send').click()`);
await sleep(2500);
await navigateInApp('/commissions/ict/documents', `location.pathname === '/commissions/ict/documents'`);
await sleep(1500);
const doc = await evaluate(`[...document.querySelectorAll('a')].map(a => a.getAttribute('href')).find(h => h && /^\\/documents\\/\\d+$/.test(h))`) ?? '/documents/1';
await navigateInApp(doc, `!!document.querySelector('.ProseMirror')`);
await sleep(2000);
mark('type sentence');
await evaluate(`(() => { const pm = document.querySelector('.ProseMirror'); pm.focus(); const s = window.getSelection(); s.selectAllChildren(pm); s.collapseToEnd(); return true; })()`);
for (const ch of 'Typed by the recorder.') {
  await send('Input.insertText', { text: ch });
  await sleep(150);
}
await sleep(2500);
await navigateInApp('/secretariat', `location.pathname === '/secretariat'`);
record({ t: Date.now(), kind: 'step', step: 'done', document: doc, thread });
console.log('recorded', out);
ws.close();
chrome.kill();
process.exit(0);
