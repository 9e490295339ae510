import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { EventEnvelopeSchema, type EventContract } from '@assistenza/contracts';

/** JSON Schema validation of envelopes and payloads, on publish and on receipt. */
export class EventValidator {
  private readonly ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
  private readonly envelope = this.ajv.compile(EventEnvelopeSchema);
  private readonly payloads = new Map<string, ValidateFunction>();

  /** Returns a readable description of what is wrong, or null when the envelope is valid. */
  envelopeErrors(value: unknown): string | null {
    return this.envelope(value) ? null : this.ajv.errorsText(this.envelope.errors, { dataVar: 'envelope' });
  }

  payloadErrors(contract: EventContract, payload: unknown): string | null {
    let validate = this.payloads.get(contract.routingKey);
    if (!validate) {
      validate = this.ajv.compile(contract.payload);
      this.payloads.set(contract.routingKey, validate);
    }
    return validate(payload) ? null : this.ajv.errorsText(validate.errors, { dataVar: 'payload' });
  }
}
