export interface ProbeResult {
  /** HTTP status, or undefined when the service could not be reached in time. */
  status?: number;
  body?: unknown;
  error?: string;
}

/**
 * GETs a JSON resource of a service without ever hanging or throwing: a service that is down or
 * slow is a normal answer for the gateway's health and documentation routes.
 */
export async function probeJson(url: string, timeoutMs: number): Promise<ProbeResult> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
    const text = await response.text();
    return { status: response.status, body: parseJson(text) };
  } catch (err) {
    const error = err as Error & { cause?: { code?: string } };
    return { error: error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (error.cause?.code ?? error.message) };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
