import { Global, Module } from '@nestjs/common';
import { OpdDirectory } from './opd-directory';

@Global()
@Module({ providers: [OpdDirectory], exports: [OpdDirectory] })
export class OpdsModule {}
