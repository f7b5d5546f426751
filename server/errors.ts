/**
 * Typed HTTP errors and the one error handler. Routes throw an AppError (or let zod throw); the
 * handler turns it into `{ error: { code, message } }` with a Danish message. Unknown errors are
 * logged with their stack and answered with a generic 500 that leaks nothing.
 */
import type { FastifyError, FastifyInstance } from "fastify";
import { ZodError } from "zod";

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const unauthenticated = () => new AppError(401, "unauthenticated", "Du er ikke logget ind.");
export const forbidden = (message = "Du har ikke adgang til dette.") => new AppError(403, "forbidden", message);
export const notFound = (message = "Siden eller dokumentet findes ikke.") => new AppError(404, "not_found", message);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);
export const badRequest = (message: string, details?: unknown) => new AppError(400, "bad_request", message, details);

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | ZodError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.statusCode).send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    if (error instanceof ZodError) {
      return reply.status(400).send({
        error: {
          code: "invalid_input",
          message: "Ugyldige oplysninger i forespørgslen.",
          details: error.issues.map((i) => ({ path: i.path, message: i.message })),
        },
      });
    }
    if (typeof error.code === "string" && error.code.startsWith("FST_CSRF")) {
      return reply.status(403).send({ error: { code: "csrf", message: "Sikkerhedstokenet mangler eller er udløbet. Genindlæs siden, og prøv igen." } });
    }
    const status = typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) {
      request.log.error({ err: error }, "unhandled error");
      return reply.status(500).send({ error: { code: "internal", message: "Der opstod en fejl på serveren. Prøv igen." } });
    }
    const code = status === 429 ? "rate_limited" : status === 413 ? "too_large" : "bad_request";
    const message =
      status === 429 ? "For mange forsøg. Vent lidt, og prøv igen." : status === 413 ? "Forespørgslen er for stor." : "Forespørgslen kunne ikke behandles.";
    return reply.status(status).send({ error: { code, message } });
  });
}

/** Unknown routes: the client's index.html for page addresses when the client is served, JSON otherwise. */
export function registerNotFoundHandler(app: FastifyInstance, serveSpa: boolean): void {
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === "GET" && !request.url.startsWith("/api/") && !request.url.startsWith("/collab/");
    if (serveSpa && isPage) return reply.sendFile("index.html");
    return reply.status(404).send({ error: { code: "not_found", message: "Siden eller dokumentet findes ikke." } });
  });
}
