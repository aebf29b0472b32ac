import { DomainError, isDomainError } from '../../core/errors/domain-error';

/** Multer's error codes as the API's stable ones. */
const MULTER_ERRORS: Record<string, [DomainError['kind'], string, string]> = {
  LIMIT_FILE_SIZE: ['too_large', 'file_too_large', 'The file is larger than the upload limit'],
  LIMIT_FILE_COUNT: ['invalid', 'too_many_files', 'Send exactly one file, in the field "file"'],
  LIMIT_UNEXPECTED_FILE: ['invalid', 'unexpected_file_field', 'Send the file in the field "file"; no other field may carry a file'],
  LIMIT_PART_COUNT: ['invalid', 'too_many_fields', 'The form has too many parts'],
  LIMIT_FIELD_COUNT: ['invalid', 'too_many_fields', 'The form has too many fields'],
  LIMIT_FIELD_KEY: ['invalid', 'field_too_long', 'A field name is too long'],
  LIMIT_FIELD_VALUE: ['invalid', 'field_too_long', 'A field value is too long'],
  MISSING_FIELD_NAME: ['invalid', 'invalid_field_name', 'A form part has no field name'],
  INVALID_FIELD_NAME: ['invalid', 'invalid_field_name', 'A field name is not valid'],
  LIMIT_FIELD_NESTING: ['invalid', 'invalid_field_name', 'A field name is nested too deeply'],
  LIMIT_FIELD_ARRAY_INDEX: ['invalid', 'invalid_field_name', 'A field name has too large an index'],
  STREAM_DESTROYED: ['invalid', 'request_aborted', 'The upload stopped before it was complete'],
};

/** Multer's errors carry `code`; busboy's and the request's are plain errors about the body. */
export function uploadError(err: unknown): DomainError {
  if (isDomainError(err)) return err;
  const code = (err as { code?: unknown } | null)?.code;
  const known = typeof code === 'string' ? MULTER_ERRORS[code] : undefined;
  if (known) return new DomainError(...known);
  const message = err instanceof Error ? err.message : String(err);
  if (/^Request (aborted|closed)/.test(message)) return new DomainError('invalid', 'request_aborted', 'The upload stopped before it was complete');
  return new DomainError('invalid', 'invalid_multipart', `The multipart body cannot be read: ${message}`);
}
