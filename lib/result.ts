/** Field name → messages; "form" holds what belongs to no one field. */
export type FieldErrors = Record<string, string[]>;

/** Why a domain function did nothing; `status` is the HTTP answer a route handler gives for it (default 422). */
export type DomainRefusal = {
  ok: false;
  message?: string;
  fieldErrors?: FieldErrors;
  status?: 400 | 403 | 404 | 409 | 422 | 425 | 503;
};

/** What every domain function returns: success with its own payload, or one refusal shape that forms and routes adapt. */
export type DomainResult<T extends object = object> = ({ ok: true } & T) | DomainRefusal;

export function refuse(fieldErrors: FieldErrors, message?: string): DomainRefusal {
  return message === undefined ? { ok: false, fieldErrors } : { ok: false, message, fieldErrors };
}
