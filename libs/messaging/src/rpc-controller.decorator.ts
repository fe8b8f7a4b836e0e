import { applyDecorators, Controller, UseFilters, UsePipes } from '@nestjs/common';
import { createValidationPipe } from '@sakip/contracts';
import { PassThroughRpcFilter } from './rpc-error.filter';

/**
 * Marks an RPC controller: payloads validated (whitelist, unknown fields refused) and errors left
 * for NatsRpcServer to map. Set per controller because a hybrid app's microservice is already
 * initialised when global pipes could be registered on it.
 */
export const RpcController = () => applyDecorators(Controller(), UsePipes(createValidationPipe()), UseFilters(new PassThroughRpcFilter()));
