import "server-only";
import type { z } from "zod";
import { PROBLEM_TYPES, problemResponse, type ProblemFieldError } from "./problem-response";

// RFC 6901: "~" and "/" inside a reference token are escaped as "~0" and "~1".
const toJsonPointer = (path: readonly PropertyKey[]): string =>
  path.map((segment) => `/${String(segment).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");

/** 422 naming every invalid field of the request body by JSON Pointer. */
export function validationProblemResponse(error: z.ZodError, detail = "The request body has invalid fields."): Response {
  const errors: ProblemFieldError[] = error.issues.map((issue) => ({
    pointer: toJsonPointer(issue.path),
    detail: issue.message,
  }));
  return problemResponse({
    status: 422,
    type: PROBLEM_TYPES.validationFailed,
    title: "Validation failed",
    detail,
    errors,
  });
}
