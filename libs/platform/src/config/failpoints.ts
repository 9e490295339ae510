/**
 * Crash points for fault tests (FAILPOINTS=outbox.before-publish,...). The process dies at once,
 * as with `kill -9`, so tests can prove that a crash between two steps loses nothing. Unset in
 * production, where this is a no-op.
 */
const active = new Set((process.env['FAILPOINTS'] ?? '').split(',').filter(Boolean));

export function failpoint(name: string): void {
  if (active.has(name)) process.kill(process.pid, 'SIGKILL');
}
