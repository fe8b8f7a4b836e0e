import { Injectable } from '@nestjs/common';
import { forbidden, validationFailed, type CallerIdentity, type MailSendRequest, type MailSendResult } from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import { DeliveriesRepository } from '../mail/deliveries.repository';
import { directMailType, hasDirectTemplate } from '../mail/mail-templates';

/** Stands in for the user id of a mail not about a user (the deliveries key is (key, user, channel)). */
const NO_USER = '00000000-0000-0000-0000-000000000000';

/**
 * notification.mail.send.v1: another service's mail (e.g. a password reset) joins the e-mail
 * deliveries, so retries, back-off and dead letters apply as for every mail. Services only: a
 * call carrying a user's identity came through a user and is refused. The variables (a reset
 * token) are stored until the delivery finishes and then dropped (DeliveriesRepository) — kept
 * rather than held in memory so a restart or a mail-server outage loses nothing; the token is
 * single-use and expires in 30 minutes anyway.
 */
@Injectable()
export class SendDirectMail {
  constructor(private readonly deliveries: DeliveriesRepository) {}

  async execute(req: MailSendRequest, caller: CallerIdentity | null): Promise<MailSendResult> {
    if (caller) throw forbidden();
    if (!hasDirectTemplate(req.template)) throw validationFailed('Unknown mail template', [{ field: 'template', message: `no template ${req.template}` }]);
    const bad = Object.entries(req.variables).find(([, v]) => typeof v !== 'string');
    if (bad) throw validationFailed('Mail variables must be strings', [{ field: `variables.${bad[0]}`, message: 'must be a string' }]);
    const key = req.idempotencyKey ?? uuidv7();
    const userId = req.userId ?? NO_USER;
    const messageId = await this.deliveries.enqueueDirect({
      key,
      userId,
      recipient: req.to,
      type: directMailType(req.template),
      language: req.locale ?? 'id',
      data: req.variables,
      messageId: `<${key}.${userId}@sakip>`,
    });
    return { messageId };
  }
}
