import { Injectable } from '@nestjs/common';
import { AuditorBase } from './auditor.base.js';

@Injectable()
export class OrdersAuditorConsumer extends AuditorBase {}
