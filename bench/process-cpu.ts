import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds used so far by this process and by the local PostgreSQL and RabbitMQ (Erlang) processes, from Linux /proc. */
export interface CpuReading {
  node: number;
  postgres: number;
  rabbitmq: number;
}

const TICKS_PER_SECOND = 100;

export function readCpu(): CpuReading {
  const own = process.cpuUsage();
  const reading = { node: (own.user + own.system) / 1e6, postgres: 0, rabbitmq: 0 };
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const key = name === 'postgres' ? 'postgres' : name === 'beam.smp' ? 'rabbitmq' : null;
      if (!key) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      reading[key] += (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    } catch {
      // the process ended meanwhile
    }
  }
  return reading;
}

/** Microseconds of CPU per unit of work between two readings, per process, e.g. "node 41 µs, postgres 22 µs, rabbitmq 30 µs". */
export function cpuPerUnit(before: CpuReading, after: CpuReading, units: number): string {
  const per = (k: keyof CpuReading) => `${k} ${(((after[k] - before[k]) * 1e6) / units).toFixed(0)} µs`;
  return `${per('node')}, ${per('postgres')}, ${per('rabbitmq')}`;
}
