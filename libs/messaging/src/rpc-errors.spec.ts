import { BadRequestException, ForbiddenException, HttpException, InternalServerErrorException, NotFoundException } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { ErrorCode, conflict } from '@sakip/contracts';
import { toErrorBody } from './rpc-errors';

describe('toErrorBody', () => {
  it('passes a DomainError through as expected', () => {
    const err = conflict('E-mail taken', [{ field: 'email', message: 'already in use' }]);

    expect(toErrorBody(err)).toEqual({
      body: { code: 'CONFLICT', message: 'E-mail taken', details: [{ field: 'email', message: 'already in use' }] },
      unexpected: false,
    });
  });

  it('unwraps an RpcException carrying an error body', () => {
    const err = new RpcException({ code: 'NOT_FOUND', message: 'User not found', details: [{ message: 'gone' }] });

    expect(toErrorBody(err)).toEqual({ body: { code: 'NOT_FOUND', message: 'User not found', details: [{ message: 'gone' }] }, unexpected: false });
  });

  it('treats an RpcException with a string or an unknown code as unexpected', () => {
    expect(toErrorBody(new RpcException('boom'))).toEqual({ body: { code: 'INTERNAL', message: 'Internal error', details: [] }, unexpected: true });
    expect(toErrorBody(new RpcException({ code: 'TEAPOT', message: 'x' })).unexpected).toBe(true);
  });

  it.each([
    [new ForbiddenException('Nope'), 'FORBIDDEN', 'Nope'],
    [new NotFoundException('No such route'), 'NOT_FOUND', 'No such route'],
    [new BadRequestException('Bad'), 'VALIDATION_FAILED', 'Bad'],
    [new HttpException('Slow down', 429), 'RATE_LIMITED', 'Slow down'],
  ])('maps %p to its code', (err, code, message) => {
    expect(toErrorBody(err)).toEqual({ body: { code, message, details: [] }, unexpected: false });
  });

  it('treats an HttpException without a known mapping as unexpected', () => {
    expect(toErrorBody(new InternalServerErrorException('db password=hunter2')).body).toEqual({ code: 'INTERNAL', message: 'Internal error', details: [] });
    expect(toErrorBody(new HttpException("I'm a teapot", 418)).unexpected).toBe(true);
  });

  it.each([
    ['an Error', new Error('connect ECONNREFUSED 10.0.0.5:5432 user=sakip_auth')],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a string', 'boom'],
    ['undefined', undefined],
    ['a plain object posing as a body', { code: ErrorCode.Forbidden, message: 'fake' }],
  ])('turns %s into INTERNAL without leaking it', (_label, err) => {
    const out = toErrorBody(err);

    expect(out).toEqual({ body: { code: 'INTERNAL', message: 'Internal error', details: [] }, unexpected: true });
  });
});
