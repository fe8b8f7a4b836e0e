import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@sakip/security';
import { RawResponse } from '../http/decorators';
import { GatewayJwks } from './jwks.provider';

@ApiExcludeController()
@Controller('.well-known')
export class WellKnownController {
  constructor(private readonly jwks: GatewayJwks) {}

  /** RFC 7517 key set, unwrapped, so standard JOSE clients can verify our tokens. */
  @Get('jwks.json')
  @Public()
  @RawResponse()
  @Header('Cache-Control', 'public, max-age=300')
  async keys() {
    if (!this.jwks.current.keys.length) await this.jwks.refresh();
    return this.jwks.current;
  }
}
