import net, { type AddressInfo } from "node:net";

/**
 * A local SMTP sink that accepts and counts every message. Hand-rolled rather than smtp-server,
 * which waits 100 ms before its greeting on every connection (early-talker detection): with one
 * connection per message that delay, not the app, would be measured. This one answers at once,
 * like a local relay. Enough SMTP for nodemailer: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
 */
export async function startCountingSmtpSink() {
  let received = 0;
  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    let buffer = "";
    let inData = false;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 bench-sink ESMTP");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("latin1");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end === -1) {
            // Keep only what could still hold the end marker.
            if (buffer.length > 8) buffer = buffer.slice(-8);
            return;
          }
          buffer = buffer.slice(end + 5);
          inData = false;
          received += 1;
          reply("250 OK: queued");
          continue;
        }
        const newline = buffer.indexOf("\r\n");
        if (newline === -1) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO") socket.write("250-bench-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n");
        else if (verb === "DATA") {
          inData = true;
          reply("354 End data with <CR><LF>.<CR><LF>");
        } else if (verb === "QUIT") {
          reply("221 Bye");
          socket.end();
          return;
        } else reply("250 OK");
      }
    });
    socket.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, received: () => received, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
