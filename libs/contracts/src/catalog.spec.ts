import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { Parser } from '@asyncapi/parser';
import { buildAsyncApiDocument } from './asyncapi';
import { EventEnvelopeSchema } from './envelope';
import { eventCatalog, findContract } from './events/catalog';

const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));

describe('event catalog', () => {
  it.each(eventCatalog.map((c) => [c.routingKey, c] as const))('ships a %s fixture that satisfies its own schema', (_, contract) => {
    const validate = ajv.compile(contract.payload);
    expect(validate(contract.example) ? [] : validate.errors).toEqual([]);
  });

  it('names every contract once, with a routing key of the form <type>.v<version>', () => {
    const keys = eventCatalog.map((c) => c.routingKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of eventCatalog) {
      expect(c.routingKey).toBe(`${c.type}.v${c.version}`);
      expect(findContract(c.type, c.version)).toBe(c);
    }
  });

  it('rejects an envelope that lacks its metadata or carries a malformed event id', () => {
    const validate = ajv.compile(EventEnvelopeSchema);
    expect(validate({ eventId: 'not-a-uuid', type: 'x.y', version: 1 })).toBe(false);
  });

  it('is published as a valid AsyncAPI 3.0 document with one channel per contract', async () => {
    const document = buildAsyncApiDocument({ exchange: 'assistenza.events', version: '1.0.0' });
    const { diagnostics, document: parsed } = await new Parser().parse(JSON.stringify(document));
    const errors = diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`);
    expect(errors).toEqual([]);
    expect(parsed?.channels().length).toBe(eventCatalog.length);
  });
});
