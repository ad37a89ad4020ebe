import net from 'node:net';

/**
 * A bare SMTP client over a socket, for what a well-behaved client (nodemailer) will not send:
 * bare LF line ends, unusual command orders. Each `send` writes bytes and resolves with the next
 * complete reply (all lines of a multi-line one).
 */
export interface RawSmtp {
  greeting: SmtpReply;
  /** Writes `bytes` as given (add the CRLF yourself) and reads the reply. */
  send(bytes: string | Buffer): Promise<SmtpReply>;
  /** Writes a command line (CRLF appended) and reads the reply. */
  command(line: string): Promise<SmtpReply>;
  close(): void;
}

export interface SmtpReply {
  code: number;
  /** The reply's text, lines joined with \n, without the codes. */
  text: string;
  lines: string[];
}

export async function rawSmtp(port: number, host = '127.0.0.1'): Promise<RawSmtp> {
  const socket = net.connect(port, host);
  let buf = '';
  let waiting: { resolve: (r: SmtpReply) => void; reject: (e: Error) => void } | undefined;
  let failure: Error | undefined;
  const tryParse = () => {
    if (!waiting) return;
    const lines: string[] = [];
    let pos = 0;
    for (;;) {
      const end = buf.indexOf('\r\n', pos);
      if (end === -1) return;
      const line = buf.slice(pos, end);
      pos = end + 2;
      lines.push(line);
      if (/^\d{3}( |$)/.test(line)) break;
    }
    buf = buf.slice(pos);
    const w = waiting;
    waiting = undefined;
    w.resolve({ code: Number(lines[0]!.slice(0, 3)), text: lines.map((l) => l.slice(4)).join('\n'), lines });
  };
  socket.setEncoding('latin1');
  socket.on('data', (d: string) => {
    buf += d;
    tryParse();
  });
  const fail = (e: Error) => {
    failure = e;
    waiting?.reject(e);
    waiting = undefined;
  };
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('connection closed')));
  const next = () =>
    new Promise<SmtpReply>((resolve, reject) => {
      if (failure) return reject(failure);
      waiting = { resolve, reject };
      tryParse();
    });
  const greeting = await next();
  const send = (bytes: string | Buffer) => {
    const r = next();
    socket.write(bytes);
    return r;
  };
  return { greeting, send, command: (line) => send(`${line}\r\n`), close: () => socket.destroy() };
}
