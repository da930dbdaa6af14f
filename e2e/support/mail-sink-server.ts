/**
 * The SMTP sink for the browser tests, in its own process (Playwright's webServer starts it
 * before the app), with a small HTTP API so tests can read what the app really sent:
 *   GET /messages?to=<address>  → [{ to, subject, text, html, headers }]  (newest last)
 */
import http from "node:http";
import { startSmtpSink } from "../../test/smtp-sink";
import { E2E } from "./ports";

const sink = await startSmtpSink({ port: E2E.smtpPort });

const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://localhost");
  if (url.pathname === "/health") return void response.end("ok");
  if (url.pathname !== "/messages") {
    response.statusCode = 404;
    return void response.end();
  }
  const to = url.searchParams.get("to")?.toLowerCase();
  const list = sink.messages
    .filter((m) => !to || (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).some((a) => a.text.toLowerCase().includes(to)))
    .map((m) => ({
      to: Array.isArray(m.to) ? m.to.map((a) => a.text).join(", ") : m.to?.text ?? "",
      subject: m.subject ?? "",
      text: m.text ?? "",
      html: typeof m.html === "string" ? m.html : "",
      headers: Object.fromEntries([...m.headers.keys()].map((key) => [key, String(m.headers.get(key))])),
      // Raw header lines as received (unfolded): List-* headers are parsed into one object above.
      headerLines: m.headerLines.map((line) => line.line.replace(/\r?\n[ \t]+/g, " ")),
    }));
  response.setHeader("content-type", "application/json");
  response.end(JSON.stringify(list));
});
server.listen(E2E.mailApiPort, "127.0.0.1", () => {
  console.log(`SMTP sink on ${sink.port}, API on ${E2E.mailApiPort}`);
});

const stop = () => {
  server.close();
  void sink.stop().then(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
