import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '@assistenza/platform/auth';
import { etagOf, Idempotent, IfMatchVersion, PageQuery } from '@assistenza/platform/http';
import { CreateCustomerHandler } from '../../application/commands/create-customer/create-customer.handler';
import { UpdateCustomerHandler } from '../../application/commands/update-customer/update-customer.handler';
import { GetCustomerHandler } from '../../application/queries/get-customer/get-customer.handler';
import { ListCustomersHandler } from '../../application/queries/list-customers/list-customers.handler';
import { CreateCustomerRequest, CustomerPage, CustomerResponse, UpdateCustomerRequest } from './customer.dto';

const READERS = ['billing-clerk', 'service-manager', 'dispatcher', 'technician', 'integration', 'admin', 'customer'] as const;

@ApiTags('Customers')
@Controller('api/v1/customers')
export class CustomersController {
  constructor(
    private readonly createCustomer: CreateCustomerHandler,
    private readonly updateCustomer: UpdateCustomerHandler,
    private readonly getCustomer: GetCustomerHandler,
    private readonly listCustomers: ListCustomersHandler,
  ) {}

  @Post()
  @Roles('billing-clerk', 'integration', 'admin')
  @Idempotent()
  @ApiOperation({ summary: 'Create a customer account' })
  @ApiCreatedResponse({ type: CustomerResponse })
  async create(@Body() body: CreateCustomerRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<CustomerResponse> {
    const customer = await this.createCustomer.execute(body);
    void reply.header('etag', etagOf(customer.version)).header('location', `/api/v1/customers/${encodeURIComponent(customer.account)}`);
    return CustomerResponse.of(customer);
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'List customers by account (a customer-portal caller sees only its own)' })
  @ApiOkResponse({ type: CustomerPage })
  async list(@Query() query: PageQuery): Promise<CustomerPage> {
    const page = await this.listCustomers.execute(query.limit, query.cursor);
    return { items: page.items.map(CustomerResponse.of), nextCursor: page.nextCursor };
  }

  @Get(':account')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Read a customer' })
  @ApiOkResponse({ type: CustomerResponse })
  async get(@Param('account') account: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<CustomerResponse> {
    const customer = await this.getCustomer.execute(account);
    void reply.header('etag', etagOf(customer.version));
    return CustomerResponse.of(customer);
  }

  @Patch(':account')
  @Roles('billing-clerk', 'integration', 'admin')
  @ApiOperation({ summary: 'Change a customer (optimistic concurrency through If-Match)' })
  @ApiHeader({ name: 'If-Match', required: true, description: 'ETag of the version being changed' })
  @ApiOkResponse({ type: CustomerResponse })
  async update(
    @Param('account') account: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() body: UpdateCustomerRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerResponse> {
    const customer = await this.updateCustomer.execute({ account, expectedVersion, changes: body });
    void reply.header('etag', etagOf(customer.version));
    return CustomerResponse.of(customer);
  }
}
