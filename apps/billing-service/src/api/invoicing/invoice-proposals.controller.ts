import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '@assistenza/platform/auth';
import { etagOf, Idempotent, IfMatchVersion, PageQuery } from '@assistenza/platform/http';
import { ChangeInvoiceProposalHandler } from '../../application/commands/change-invoice-proposal/change-invoice-proposal.handler';
import { CreateInvoiceProposalHandler } from '../../application/commands/create-invoice-proposal/create-invoice-proposal.handler';
import { PostInvoiceProposalHandler } from '../../application/commands/post-invoice-proposal/post-invoice-proposal.handler';
import { InvoicingQueries } from '../../application/queries/invoicing/invoicing.queries';
import { INVOICING } from '../roles';
import * as dto from './invoicing.dto';

@ApiTags('Invoice proposals')
@Controller('api/v1/invoice-proposals')
export class InvoiceProposalsController {
  constructor(
    private readonly create: CreateInvoiceProposalHandler,
    private readonly change: ChangeInvoiceProposalHandler,
    private readonly post: PostInvoiceProposalHandler,
    private readonly queries: InvoicingQueries,
  ) {}

  @Post() @Roles(...INVOICING) @Idempotent()
  @ApiOperation({ summary: 'Propose the uninvoiced chargeable transactions of a project, customer, service order or subscription in a date range' })
  @ApiCreatedResponse({ type: dto.InvoiceProposalResponse })
  async createProposal(@Body() body: dto.CreateInvoiceProposalRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<dto.InvoiceProposalResponse> {
    const proposal = await this.create.execute(body);
    void reply.header('etag', etagOf(proposal.version)).header('location', `/api/v1/invoice-proposals/${proposal.id}`);
    return dto.InvoiceProposalResponse.of(proposal);
  }

  @Get() @Roles(...INVOICING) @ApiOkResponse({ type: dto.InvoiceProposalPage })
  async list(@Query() q: PageQuery): Promise<dto.InvoiceProposalPage> {
    const page = await this.queries.proposalPage(q.limit, q.cursor);
    return { items: page.items.map(dto.InvoiceProposalResponse.of), nextCursor: page.nextCursor };
  }

  @Get(':id') @Roles(...INVOICING) @ApiOkResponse({ type: dto.InvoiceProposalResponse })
  async get(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<dto.InvoiceProposalResponse> {
    const proposal = await this.queries.proposal(id);
    void reply.header('etag', etagOf(proposal.version));
    return dto.InvoiceProposalResponse.of(proposal);
  }

  @Patch(':id/lines') @Roles(...INVOICING) @ApiHeader({ name: 'If-Match', required: true })
  @ApiOperation({ summary: 'Include or exclude proposal lines' }) @ApiOkResponse({ type: dto.InvoiceProposalResponse })
  async lines(@Param('id') id: string, @IfMatchVersion() version: number, @Body() body: dto.ChangeProposalLinesRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<dto.InvoiceProposalResponse> {
    const proposal = await this.change.setIncluded(id, version, body.lines);
    void reply.header('etag', etagOf(proposal.version));
    return dto.InvoiceProposalResponse.of(proposal);
  }

  @Delete(':id') @Roles(...INVOICING) @HttpCode(204) @ApiHeader({ name: 'If-Match', required: true })
  @ApiOperation({ summary: 'Delete an open proposal; its transactions can be proposed again' }) @ApiNoContentResponse()
  async remove(@Param('id') id: string, @IfMatchVersion() version: number): Promise<void> {
    await this.change.delete(id, version);
  }

  @Post(':id/post') @Roles('service-manager', 'billing-clerk', 'admin') @ApiHeader({ name: 'If-Match', required: true })
  @ApiOperation({ summary: 'Post the proposal into an invoice with the next gap-free number (publishes billing.invoice.posted.v1); no included lines is 422' })
  @ApiCreatedResponse({ type: dto.InvoiceResponse })
  async postProposal(@Param('id') id: string, @IfMatchVersion() version: number, @Body() body: dto.PostProposalRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<dto.InvoiceResponse> {
    const invoice = await this.post.execute({ proposalId: id, expectedVersion: version, ...body });
    void reply.header('etag', etagOf(invoice.version)).header('location', `/api/v1/invoices/${invoice.id}`);
    return dto.InvoiceResponse.of(invoice);
  }
}
