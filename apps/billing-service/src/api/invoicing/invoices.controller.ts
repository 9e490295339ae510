import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '@assistenza/platform/auth';
import { etagOf, IfMatchVersion, PageQuery } from '@assistenza/platform/http';
import { CreditInvoiceHandler } from '../../application/commands/credit-invoice/credit-invoice.handler';
import { InvoicingQueries } from '../../application/queries/invoicing/invoicing.queries';
import { INVOICING } from '../roles';
import * as dto from './invoicing.dto';

@ApiTags('Invoices')
@Controller('api/v1/invoices')
export class InvoicesController {
  constructor(
    private readonly credit: CreditInvoiceHandler,
    private readonly queries: InvoicingQueries,
  ) {}

  @Get() @Roles(...INVOICING, 'integration', 'customer')
  @ApiOperation({ summary: 'Invoices and credit notes by number (a customer-portal caller sees only its own)' })
  @ApiOkResponse({ type: dto.InvoicePage })
  async list(@Query() q: PageQuery): Promise<dto.InvoicePage> {
    const page = await this.queries.invoicePage(q.limit, q.cursor);
    return { items: page.items.map(dto.InvoiceResponse.of), nextCursor: page.nextCursor };
  }

  @Get(':id') @Roles(...INVOICING, 'integration', 'customer') @ApiOkResponse({ type: dto.InvoiceResponse })
  async get(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<dto.InvoiceResponse> {
    const invoice = await this.queries.invoice(id);
    void reply.header('etag', etagOf(invoice.version));
    return dto.InvoiceResponse.of(invoice);
  }

  @Post(':id/credit') @Roles('service-manager', 'billing-clerk', 'admin')
  @ApiHeader({ name: 'If-Match', required: true, description: 'ETag of the invoice being credited, as GET /invoices/{id} answers it' })
  @ApiOperation({
    summary: 'Post a credit note for the whole invoice or chosen lines; more than was invoiced is 422 (publishes billing.invoice.credited.v1)',
    description:
      'Each credit note records on the invoice what it took back, so the invoice version, and its ETag, move by one with every credit note. ' +
      'A second credit note needs the invoice ETag read after the first: the old one is 412 and nothing is credited. ' +
      'The answer (201) is the credit note itself, with its own ETag and Location.',
  })
  @ApiCreatedResponse({ type: dto.InvoiceResponse })
  async creditInvoice(@Param('id') id: string, @IfMatchVersion() version: number, @Body() body: dto.CreditInvoiceRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<dto.InvoiceResponse> {
    const note = await this.credit.execute({ invoiceId: id, expectedVersion: version, ...body });
    void reply.header('etag', etagOf(note.version)).header('location', `/api/v1/invoices/${note.id}`);
    return dto.InvoiceResponse.of(note);
  }
}
