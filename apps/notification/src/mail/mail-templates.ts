import type { MailTemplate, NotificationLanguage } from '@sakip/contracts';
import type { RenderedMessage } from './templates';

/** Deliveries of direct mails (notification.mail.send.v1) carry `mail.<template>` as their type. */
export const DIRECT_MAIL_PREFIX = 'mail.';
export const directMailType = (template: MailTemplate): string => `${DIRECT_MAIL_PREFIX}${template}`;
export const isDirectMailType = (type: string): boolean => type.startsWith(DIRECT_MAIL_PREFIX);

type Vars = Record<string, unknown>;
type Template = (v: Vars) => RenderedMessage;

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** Templates this service renders today; the others in MAIL_TEMPLATES are refused (400) until written. */
const TEMPLATES: Record<NotificationLanguage, Partial<Record<MailTemplate, Template>>> = {
  id: {
    password_reset: (v) => ({
      title: 'Atur ulang kata sandi SAKIP',
      body:
        `Halo ${text(v['name'])},\n\nKami menerima permintaan untuk mengatur ulang kata sandi akun SAKIP Anda. ` +
        `${v['resetUrl'] ? 'Buka tautan berikut' : 'Gunakan token berikut'} (sekali pakai, berlaku sampai ${text(v['expiresAt'])}):\n\n${text(v['resetUrl']) || text(v['token'])}\n\n` +
        'Jika Anda tidak memintanya, abaikan e-mail ini; kata sandi Anda tidak berubah.',
    }),
  },
  en: {
    password_reset: (v) => ({
      title: 'Reset your SAKIP password',
      body:
        `Hello ${text(v['name'])},\n\nWe received a request to reset the password of your SAKIP account. ` +
        `${v['resetUrl'] ? 'Open this link' : 'Use this token'} (single use, valid until ${text(v['expiresAt'])}):\n\n${text(v['resetUrl']) || text(v['token'])}\n\n` +
        'If you did not ask for it, ignore this e-mail; your password stays the same.',
    }),
  },
};

export const hasDirectTemplate = (template: MailTemplate): boolean => Boolean(TEMPLATES.id[template]);

/** Renders a direct mail from its delivery type (`mail.<template>`). */
export function renderDirectMail(type: string, language: NotificationLanguage, vars: Vars): RenderedMessage {
  const template = type.slice(DIRECT_MAIL_PREFIX.length) as MailTemplate;
  const render = TEMPLATES[language][template] ?? TEMPLATES.id[template];
  if (!render) throw new Error(`no mail template ${template}`);
  return render(vars);
}
