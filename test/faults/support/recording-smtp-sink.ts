/**
 * An SMTP sink for the fault tests that records the Message-ID and recipient of every message
 * it received, and that can fail like a real mail server does:
 *   - stop(): closes the listening socket and destroys every open connection at once (smtp-server
 *     would give them 30 s to finish), so senders get ECONNREFUSED / ECONNRESET;
 *   - cutAfter(n): once the n-th message has fully arrived, the sink records it and then drops
 *     every connection WITHOUT answering "250" — the "accepted by the server, but the sender
 *     never heard so" window, which no sender can close (the honest guarantee is at-least-once,
 *     and the stable Message-ID is how a receiver recognises the copy).
 * Hand-rolled rather than smtp-server, which waits 100 ms before each greeting (one connection
 * per message would make that delay, not the app, the test's pace). Enough SMTP for nodemailer.
 */
import net from "node:net";

export interface ReceivedMessage {
  messageId: string;
  to: string;
  /** Whether the sender was told "250" for this copy (false: the connection was cut instead). */
  acknowledged: boolean;
  /** The whole message as sent (headers and MIME body). */
  raw: string;
}

export interface RecordingSmtpSink {
  port: number;
  url: string;
  received: ReceivedMessage[];
  /** After the n-th message in total arrives: record it, drop every connection, stop listening. */
  cutAfter(n: number): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
}

function header(headers: string, name: string): string {
  // Unfold continuation lines, then find the header case-insensitively.
  const unfolded = headers.replace(/\r\n[ \t]+/g, " ");
  const match = unfolded.match(new RegExp(`^${name}:[ \\t]*(.*)$`, "im"));
  return match?.[1]?.trim() ?? "";
}

export async function startRecordingSmtpSink(port: number): Promise<RecordingSmtpSink> {
  const received: ReceivedMessage[] = [];
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let cut: { after: number; done: () => void } | undefined;

  const dropEverything = () => {
    const closing = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    return new Promise<void>((resolve) => (closing ? closing.close(() => resolve()) : resolve()));
  };

  const onConnection = (socket: net.Socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    let buffer = "";
    let data: string | undefined;
    const reply = (line: string) => {
      if (!socket.destroyed) socket.write(`${line}\r\n`);
    };
    reply("220 fault-sink ESMTP");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("latin1");
      for (;;) {
        if (data !== undefined) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end === -1) return;
          const message = data + buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          data = undefined;
          const headers = message.split("\r\n\r\n", 1)[0] ?? "";
          const record: ReceivedMessage = { messageId: header(headers, "Message-ID"), to: header(headers, "To").toLowerCase(), acknowledged: false, raw: message };
          received.push(record);
          if (cut && received.length >= cut.after) {
            const { done } = cut;
            cut = undefined;
            void dropEverything().then(done);
            return;
          }
          record.acknowledged = true;
          reply("250 OK: queued");
          continue;
        }
        const newline = buffer.indexOf("\r\n");
        if (newline === -1) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO") socket.write("250-fault-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n");
        else if (verb === "DATA") {
          data = "";
          reply("354 End data with <CR><LF>.<CR><LF>");
        } else if (verb === "QUIT") {
          reply("221 Bye");
          socket.end();
          return;
        } else reply("250 OK");
      }
    });
  };

  const start = () =>
    new Promise<void>((resolve, reject) => {
      if (server) return resolve();
      const next = net.createServer(onConnection);
      next.once("error", reject);
      next.listen(port, "127.0.0.1", () => {
        server = next;
        resolve();
      });
    });
  await start();

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    cutAfter: (n) => new Promise<void>((resolve) => (cut = { after: n, done: resolve })),
    stop: dropEverything,
    start,
  };
}

/** The first link under `prefix` in a message's quoted-printable (or plain) body. */
export function findLink(message: ReceivedMessage, prefix: string): string | undefined {
  const quotedPrintable = message.raw.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  // Base64 parts: every run of base64-only lines, decoded.
  const base64 = (message.raw.match(/(?:^[A-Za-z0-9+/=]{16,}\r\n)+/gm) ?? []).map((block) => Buffer.from(block.replace(/\r\n/g, ""), "base64").toString("utf8"));
  const decoded = [quotedPrintable, ...base64].join("\n");
  const start = decoded.indexOf(prefix);
  if (start === -1) return undefined;
  return decoded.slice(start).match(/^[^\s"<>]+/)?.[0].replaceAll("&amp;", "&");
}

/** Copies per recipient and per Message-ID, for "exactly once" checks. */
export function tally(messages: readonly ReceivedMessage[]) {
  const perRecipient = new Map<string, Set<string>>();
  const copies = new Map<string, number>();
  for (const message of messages) {
    const ids = perRecipient.get(message.to) ?? new Set<string>();
    ids.add(message.messageId);
    perRecipient.set(message.to, ids);
    copies.set(message.messageId, (copies.get(message.messageId) ?? 0) + 1);
  }
  const duplicates = [...copies.entries()].filter(([, count]) => count > 1);
  return { perRecipient, copies, duplicates };
}
