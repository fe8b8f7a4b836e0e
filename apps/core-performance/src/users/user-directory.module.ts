import { Module } from '@nestjs/common';

/** Filled in by the users feature. */
@Module({})
export class UserDirectoryModule {}
