import { Injectable } from '@nestjs/common';
import { unauthenticated, type CallerIdentity, type MeView } from '@sakip/contracts';
import { toMeView } from '../user.entity';
import { UsersRepository } from '../users.repository';

@Injectable()
export class GetMe {
  constructor(private readonly users: UsersRepository) {}

  async execute(caller: CallerIdentity | null): Promise<MeView> {
    if (!caller) throw unauthenticated('Authentication required');
    const user = await this.users.findById(caller.sub);
    // A deactivated user's still-valid token gets nothing.
    if (!user || !user.isActive) throw unauthenticated('Authentication required');
    return toMeView(user);
  }
}
