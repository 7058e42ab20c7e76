import nodemailer from 'nodemailer';

// E-mail out: SMTP through nodemailer when configured (SMTP_URL); otherwise none, and
// reminders go to the in-app notifications only.

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}
