import { Module } from '@nestjs/common';
import { LoginThrottleRepository } from './login-throttle.repository';
import { LoginThrottle } from './login-throttle.service';

@Module({ providers: [LoginThrottleRepository, LoginThrottle], exports: [LoginThrottle] })
export class ThrottleModule {}
