import { Module } from '@nestjs/common';
import { JwksController } from './jwks.controller';
import { KeyStore } from './key-store.service';
import { SigningKeysRepository } from './signing-keys.repository';
import { TokenSigner } from './token-signer.service';

@Module({
  controllers: [JwksController],
  providers: [SigningKeysRepository, KeyStore, TokenSigner],
  exports: [TokenSigner, KeyStore],
})
export class KeysModule {}
