import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI 3 from the same DTO classes that validate requests: `/api/docs` (UI) and `/api/docs-json`. */
export function setupOpenApi(app: NestFastifyApplication) {
  const config = new DocumentBuilder()
    .setTitle('SAKIP Platform API')
    .setDescription('Public HTTP contract of the SAKIP gateway. Every JSON response is wrapped in {ok, data} or {ok: false, error}.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addApiKey({ type: 'apiKey', in: 'header', name: 'Authorization', description: 'ApiKey <key>' }, 'ApiKey')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
}
