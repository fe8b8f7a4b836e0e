import { Global, Module } from '@nestjs/common';
import { Revocations } from './revocations';

@Global()
@Module({ providers: [Revocations], exports: [Revocations] })
export class RevocationsModule {}
