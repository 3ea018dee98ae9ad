// Reads the mail a test server sent, from Mailpit's HTTP API (a real SMTP server, not a mock).
export interface Mail {
  id: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

interface Summary {
  ID: string;
  To: { Address: string }[];
  Subject: string;
}

async function fetchMail(mailpitUrl: string, id: string): Promise<Mail> {
  const res = await fetch(`${mailpitUrl}/api/v1/message/${id}`);
  if (!res.ok) throw new Error(`Mailpit svarte ${res.status} for melding ${id}`);
  const m = (await res.json()) as { ID: string; To: { Address: string }[]; Subject: string; Text: string; HTML: string };
  return { id: m.ID, to: m.To.map((t) => t.Address.toLowerCase()), subject: m.Subject, text: m.Text, html: m.HTML };
}

/** Every mail to `address` (newest first). */
export async function mailsTo(mailpitUrl: string, address: string): Promise<Mail[]> {
  const res = await fetch(`${mailpitUrl}/api/v1/search?query=${encodeURIComponent(`to:"${address}"`)}&limit=50`);
  if (!res.ok) throw new Error(`Mailpit svarte ${res.status} på søk`);
  const { messages } = (await res.json()) as { messages: Summary[] };
  const wanted = messages.filter((m) => m.To.some((t) => t.Address.toLowerCase() === address.toLowerCase()));
  return Promise.all(wanted.map((m) => fetchMail(mailpitUrl, m.ID)));
}

/** Waits until a mail to `address` whose subject contains `subject` arrives (mail is sent in the background). */
export async function waitForMail(mailpitUrl: string, address: string, subject: string, timeoutMs = 10_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await mailsTo(mailpitUrl, address)).find((m) => m.subject.includes(subject));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`Ingen e-post «${subject}» til ${address} innen ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The first link in a mail's text that starts with `prefix`. */
export function linkIn(mail: Mail, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}[^\\s"'<>)]*`).exec(mail.text) ?? new RegExp(`${escaped}[^\\s"'<>)]*`).exec(mail.html);
  if (!match) throw new Error(`Fant ingen lenke som begynner med ${prefix} i «${mail.subject}»`);
  return match[0].replaceAll('&amp;', '&');
}
