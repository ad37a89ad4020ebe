import type { FastifyInstance } from 'fastify';
import { actorOf } from '../http/actor.js';
import { principalOf } from '../http/auth.js';
import { decodeCursor, paginate } from '../http/cursor.js';
import type { Deps } from '../http/deps.js';
import { createOnce } from '../http/idempotency.js';
import { errorResponses, IdParams, Page } from '../http/schemas.js';
import { notFound } from '../lib/errors.js';
import { findCustomer, listCustomers } from './customers.repo.js';
import { CreateCustomerBody, Customer, ListCustomersQuery, UpdateCustomerBody } from './customers.schema.js';
import { createCustomer, updateCustomer } from './save-customer.js';

export function customersRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['customers'];

  app.get<{ Querystring: ListCustomersQuery }>(
    '/api/v1/customers',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'List customers (newest activity first)',
        querystring: ListCustomersQuery,
        response: { 200: Page(Customer), ...errorResponses },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 25;
      const rows = await listCustomers(deps.db, principalOf(req).workspaceId, { ...req.query, limit }, decodeCursor(req.query.cursor));
      return paginate(rows, limit, (r) => r.updatedAt);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/customers/:id',
    {
      config: { access: 'agent' },
      schema: { tags, summary: 'Get a customer', params: IdParams, response: { 200: Customer, ...errorResponses } },
    },
    async (req) => {
      const c = await findCustomer(deps.db, principalOf(req).workspaceId, req.params.id);
      if (!c) throw notFound('customer');
      return c;
    },
  );

  app.post<{ Body: CreateCustomerBody }>(
    '/api/v1/customers',
    {
      config: { access: 'agent' },
      schema: { tags, summary: 'Create a customer', body: CreateCustomerBody, response: { 201: Customer, ...errorResponses } },
    },
    async (req, reply) => {
      const p = principalOf(req);
      return createOnce(deps, req, reply, (tx) => createCustomer(tx, p.workspaceId, actorOf(p), req.body, deps.clock()));
    },
  );

  app.patch<{ Params: { id: string }; Body: UpdateCustomerBody }>(
    '/api/v1/customers/:id',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Update a customer (null clears a field; arrays replace)',
        params: IdParams,
        body: UpdateCustomerBody,
        response: { 200: Customer, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const c = await deps.db.transaction((tx) => updateCustomer(tx, p.workspaceId, actorOf(p), req.params.id, req.body, deps.clock()));
      deps.onCommit();
      return c;
    },
  );
}
