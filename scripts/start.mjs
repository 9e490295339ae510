// `npm start`: builds the workspace, then runs the gateway and every service against local
// PostgreSQL and RabbitMQ (settings from the environment, local defaults otherwise). Each service
// creates its own database and applies its migrations as it starts. Ctrl-C stops everything.
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GATEWAY, SERVICES } from './services.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const host = env.HOST ?? '127.0.0.1';

function reachable(hostname, port) {
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port, timeout: 2_000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

async function checkInfrastructure() {
  const db = { host: env.DB_HOST ?? '127.0.0.1', port: Number(env.DB_PORT ?? 5432) };
  const amqp = new URL(env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672');
  const problems = [];
  if (!(await reachable(db.host, db.port))) problems.push(`PostgreSQL is not reachable at ${db.host}:${db.port} (set DB_HOST/DB_PORT)`);
  if (!(await reachable(amqp.hostname, Number(amqp.port || 5672)))) problems.push(`RabbitMQ is not reachable at ${amqp.host} (set AMQP_URL)`);
  if (problems.length) {
    console.error(`Cannot start Assistenza:\n- ${problems.join('\n- ')}\nSee README.md, "Prerequisites".`);
    process.exit(1);
  }
}

const children = new Map();
let stopping = false;

function run(name, extraEnv) {
  const main = path.join(root, 'dist/apps', name, 'src/main.js');
  const child = spawn(process.execPath, ['--enable-source-maps', main], { env: { ...env, ...extraEnv }, stdio: ['ignore', 'inherit', 'inherit'] });
  children.set(name, child);
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (stopping) return;
    console.error(`${name} exited (${signal ?? code}); stopping Assistenza`);
    stop(1);
  });
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children.values()) child.kill('SIGTERM');
  const force = setTimeout(() => {
    for (const child of children.values()) child.kill('SIGKILL');
    process.exit(code);
  }, 15_000);
  const poll = setInterval(() => {
    if (children.size === 0) {
      clearInterval(poll);
      clearTimeout(force);
      process.exit(code);
    }
  }, 100);
}

async function waitForGateway(url, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      if ((await fetch(`${url}/health/ready`)).status === 200) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

// Development only: one ready token per role, from the gateway's POST /dev/tokens (which exists
// only outside production and with the development secret), so that Swagger UI and curl work at once.
const DEMO_CUSTOMER_ACCOUNT = 'DEMO-CUSTOMER';

async function devTokens(url) {
  if (env.NODE_ENV === 'production') return null;
  const { ROLES } = createRequire(import.meta.url)(path.join(root, 'dist/libs/platform/src/auth/roles.js'));
  const tokens = [];
  for (const role of ROLES) {
    const body = { role, ...(role === 'customer' ? { customerAccount: DEMO_CUSTOMER_ACCOUNT } : {}) };
    const response = await fetch(`${url}/dev/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (response.status === 404) return null; // verification by JWKS or public key: tokens come from the identity provider
    if (!response.ok) throw new Error(`POST /dev/tokens answered ${response.status}`);
    const { token, expiresIn } = await response.json();
    tokens.push({ role, token, expiresIn });
  }
  return tokens;
}

function printDevTokens(tokens, url) {
  const hours = Math.round(tokens[0].expiresIn / 3600);
  console.log(`Development tokens (company DAT, valid ${hours} h; the customer's is for account ${DEMO_CUSTOMER_ACCOUNT}; more from POST /dev/tokens):`);
  for (const { role, token } of tokens) console.log(`  ${role.padEnd(17)}${token}`);
  console.log(`Use one in Swagger UI with Authorize (paste the token), or: curl -H "Authorization: Bearer <token>" ${url}/api/v1/customers\n`);
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

await checkInfrastructure();
execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });

const serviceUrls = {};
for (const s of SERVICES) {
  const port = Number(env[`${s.prefix}_PORT`] ?? s.port);
  serviceUrls[`${s.prefix}_URL`] = env[`${s.prefix}_URL`] ?? `http://127.0.0.1:${port}`;
  run(s.name, { [`${s.prefix}_PORT`]: String(port) });
}
const gatewayPort = Number(env.PORT ?? GATEWAY.port);
run(GATEWAY.name, { PORT: String(gatewayPort), ...serviceUrls });

const publicUrl = `http://${host === '0.0.0.0' ? 'localhost' : host}:${gatewayPort}`;
if (await waitForGateway(`http://127.0.0.1:${gatewayPort}`)) {
  console.log(`\nAssistenza is up.\n  Swagger UI:  ${publicUrl}/docs\n  OpenAPI:     ${publicUrl}/openapi.json\n  AsyncAPI:    ${publicUrl}/asyncapi.json\n  Health:      ${publicUrl}/health/ready\n`);
  try {
    const tokens = await devTokens(`http://127.0.0.1:${gatewayPort}`);
    if (tokens) printDevTokens(tokens, publicUrl);
  } catch (err) {
    console.error(`Could not issue development tokens: ${err.message}`);
  }
} else if (!stopping) {
  console.error('Assistenza did not become ready within 2 minutes; see the logs above.');
}
