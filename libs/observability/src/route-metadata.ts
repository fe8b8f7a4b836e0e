import { SetMetadata } from '@nestjs/common';

export const PUBLIC_KEY = 'sakip:public';
export const RAW_RESPONSE = 'sakip:raw-response';

/** No credentials needed (login, refresh, JWKS, probes). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The response is sent as is, without the `{ok, data}` envelope (JWKS, health, metrics). */
export const RawResponse = () => SetMetadata(RAW_RESPONSE, true);
