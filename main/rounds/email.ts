import MailComposer from 'nodemailer/lib/mail-composer';
import { z } from 'zod';

/**
 * The request and reminder e-mails of a round, as `.eml` drafts (RFC 5322, MIME multipart/mixed,
 * the file attached in base64) marked `X-Unsent: 1`, so Outlook opens them as a draft ready to send
 * and Thunderbird opens them as a message. The app never sends anything itself. nodemailer's
 * composer writes the MIME (encoded UTF-8 headers, boundaries, line folding).
 */

export interface Recipient {
  name: string;
  email: string;
}

export interface Draft {
  from: Recipient;
  to: Recipient[];
  subject: string;
  text: string;
  date: Date;
  attachment: { fileName: string; contentType: string; content: Buffer } | null;
}

// The address rule of the contact form (shared/api/schemas/fields.ts `email`), checked again here:
// an address that came in before that rule, or from an older file, must not reach a draft.
const address = z.email().max(200);

/** Who a request goes to, or why it cannot be written: said before anything is prepared. */
export function recipientsOf(
  organisation: string,
  contacts: readonly { name: string; email: string; isKeyContact: boolean }[],
): { recipients: Recipient[]; problem: string | null } {
  const withEmail = contacts.filter((c) => c.email.trim() !== '');
  const malformed = withEmail.find((c) => !address.safeParse(c.email.trim()).success);
  if (malformed) {
    return {
      recipients: [],
      problem: `${organisation}: the e-mail address of ${malformed.name} ("${malformed.email}") is not a valid address. Correct it under Stakeholders › Contacts.`,
    };
  }
  if (withEmail.length === 0) {
    return {
      recipients: [],
      problem: `${organisation}: no contact has an e-mail address${contacts[0] ? ` (${contacts.map((c) => c.name).join(', ')})` : ''}. Add one under Stakeholders › Contacts.`,
    };
  }
  // The key contact first: the one the Secretariat writes to.
  const ordered = [...withEmail].sort((a, b) => Number(b.isKeyContact) - Number(a.isKeyContact));
  return { recipients: ordered.map((c) => ({ name: c.name, email: c.email.trim() })), problem: null };
}

/** The draft as the bytes of a `.eml` file. */
export async function emlOf(draft: Draft): Promise<Buffer> {
  const composer = new MailComposer({
    from: { name: draft.from.name, address: draft.from.email },
    to: draft.to.map((r) => ({ name: r.name, address: r.email })),
    subject: draft.subject,
    text: draft.text,
    date: draft.date,
    headers: { 'X-Unsent': '1' },
    attachments: draft.attachment
      ? [
          {
            filename: draft.attachment.fileName,
            content: draft.attachment.content,
            contentType: draft.attachment.contentType,
            contentTransferEncoding: 'base64',
          },
        ]
      : [],
  });
  return new Promise((resolve, reject) => {
    composer.compile().build((error, message) => (error ? reject(error) : resolve(message)));
  });
}
